package io.streamlimit.cdk;

import io.streamlimit.scenario.StreamSpec;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The Kinesis data stream of the api-kinesis-lambda pipeline: provisioned mode with the
 * scenario's shards (on-demand would hide the shard count the experiment is about), encrypted
 * with a rotated key of its own (cdk-nag refuses the aws/kinesis managed key), kept 24 hours,
 * Kinesis's included retention, unless the mapping may retry records longer than that.
 */
final class EventStream extends Construct {

    /** Kinesis keeps records 24 hours at no extra charge; longer retention is billed per shard-hour. */
    static final int DEFAULT_RETENTION_HOURS = 24;

    private final Key key;
    private final Stream stream;

    EventStream(Construct scope, String id, String scenarioName, StreamSpec settings) {
        super(scope, id);
        this.key = Key.Builder.create(this, "Key")
                .description("Encrypts the streamlimit events stream of " + scenarioName)
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.stream = Stream.Builder.create(this, "Stream")
                .streamMode(StreamMode.PROVISIONED)
                .shardCount(settings.shards())
                .encryption(StreamEncryption.KMS)
                .encryptionKey(key)
                .retentionPeriod(Duration.hours(retentionHours(settings)))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    /**
     * 24 hours, or as long as a record may wait for its retries: a record the stream has dropped
     * cannot be retried or sent to the on-failure destination.
     */
    static int retentionHours(StreamSpec settings) {
        if (!settings.recordAgeLimited()) {
            return DEFAULT_RETENTION_HOURS;
        }
        int hours = (settings.maxRecordAgeSeconds() + 3599) / 3600;
        return Math.max(DEFAULT_RETENTION_HOURS, hours);
    }

    Key key() {
        return key;
    }

    Stream stream() {
        return stream;
    }
}
