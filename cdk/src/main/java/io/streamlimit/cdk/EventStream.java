package io.streamlimit.cdk;

import io.streamlimit.scenario.StreamSpec;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.constructs.Construct;

/**
 * The Kinesis data stream of the api-kinesis-lambda pipeline: provisioned mode with the
 * scenario's shards (on-demand would hide the shard count the experiment is about), encrypted at
 * rest with KMS under the AWS managed key aws/kinesis (what cdk-nag's KDS3 asks for: no key of
 * our own to pay for, and Kinesis authorizes its use by the stream's own IAM permissions, so a
 * producer needs kinesis:PutRecords and nothing else), kept 24 hours, Kinesis's included
 * retention, unless the mapping may retry records longer than that.
 */
final class EventStream extends Construct {

    /** Kinesis keeps records 24 hours at no extra charge; longer retention is billed per shard-hour. */
    static final int DEFAULT_RETENTION_HOURS = 24;

    private final Stream stream;

    EventStream(Construct scope, String id, StreamSpec settings) {
        super(scope, id);
        this.stream = Stream.Builder.create(this, "Stream")
                .streamMode(StreamMode.PROVISIONED)
                .shardCount(settings.shards())
                .encryption(StreamEncryption.MANAGED)
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

    Stream stream() {
        return stream;
    }
}
