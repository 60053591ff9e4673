package io.streamlimit.local.lambda;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.KinesisShardPoller;
import io.streamlimit.scenario.StreamSpec;
import java.util.Objects;

/**
 * A Kinesis event source mapping's settings that the emulator honours.
 *
 * @param streamName the stream polled from its oldest record (TRIM_HORIZON)
 * @param streamArn as the records' {@code eventSourceARN} say
 * @param settings batch size, window, parallelization factor, poll interval, bisection, retries and
 *     record age, as the shared rule {@link KinesisShardPoller} takes them
 * @param onFailureQueueUrl where a discarded batch's metadata goes; null: nowhere (it is dropped)
 */
public record KinesisMappingConfig(String streamName, String streamArn, KinesisShardPoller.Settings settings,
                                   String onFailureQueueUrl) {

    public KinesisMappingConfig {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(settings, "settings");
    }

    /** A scenario's {@code stream:} settings under {@code aws}, on the local stream {@code streamName}. */
    public static KinesisMappingConfig of(String streamName, StreamSpec stream, AwsBehaviour aws, String onFailureQueueUrl) {
        return new KinesisMappingConfig(streamName, localStreamArn(streamName), KinesisShardPoller.Settings.of(aws,
                stream.batchSize(), stream.batchWindowSeconds(), stream.parallelizationFactor(), stream.bisectOnError(),
                stream.maxRetryAttempts(), stream.maxRecordAgeSeconds()), onFailureQueueUrl);
    }

    /** The ARN a local stream gets: account 000000000000 (kinesis-local's), us-east-1. */
    public static String localStreamArn(String streamName) {
        return "arn:aws:kinesis:us-east-1:000000000000:stream/" + streamName;
    }
}
