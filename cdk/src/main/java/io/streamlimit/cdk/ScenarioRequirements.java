package io.streamlimit.cdk;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.ProvisionedPollers;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.StreamSpec;

/**
 * What CloudFormation and Lambda accept, checked before any construct is created so that a
 * scenario the stack cannot honour fails synthesis with the key named, not a deployment half an
 * hour later. The scenario records validate themselves too; this is the stack's own guard, so
 * that a change there cannot slip an undeployable value through.
 */
public final class ScenarioRequirements {

    private final AwsBehaviour aws;

    /** @param aws the limits and quotas to check against, each with its source */
    public ScenarioRequirements(AwsBehaviour aws) {
        this.aws = aws;
    }

    /** @throws UnsupportedScenarioException naming the first key the stack cannot honour */
    public void check(Scenario scenario) {
        require(scenario.pipeline() != null, "pipeline",
                "must be sns-sqs-lambda, sns-lambda, sns-fifo-sqs-fifo-lambda or api-kinesis-lambda");
        require(scenario.consumer() != null, "consumer", "the section is required");
        ConsumerSpec consumer = scenario.consumer();
        reservedConcurrency(consumer.reservedConcurrency());
        provisionedConcurrency(consumer.provisionedConcurrency(), consumer.reservedConcurrency());
        snapStart(consumer.snapStart(), consumer.provisionedConcurrency());
        maximumConcurrency(consumer.maximumConcurrency(), scenario.pipeline());
        functionTimeout(consumer.timeoutSeconds());
        memory(consumer.memoryMb());
        if (scenario.pipeline().queued()) {
            require(scenario.queue() != null, "queue", "the " + scenario.pipeline().fileName() + " pipeline needs a queue section");
            QueueSpec queue = scenario.queue();
            visibilityTimeout(queue.visibilityTimeoutSeconds(), consumer.timeoutSeconds());
            maxReceiveCount(queue.maxReceiveCount());
            if (scenario.pipeline().fifo()) {
                require(queue.fifo() != null, "queue", "the " + scenario.pipeline().fileName() + " pipeline needs a FIFO queue");
                fifoBatch(queue.batchSize(), queue.batchWindowSeconds());
            } else {
                batch(queue.batchSize(), queue.batchWindowSeconds());
            }
            pollers(queue.pollers(), consumer.maximumConcurrency());
        }
        if (scenario.pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            require(scenario.stream() != null, "stream", "the api-kinesis-lambda pipeline needs a stream section");
            stream(scenario.stream());
        }
    }

    /** CreateEventSourceMapping on a FIFO queue: batches of 1 to 10 and no batching window. */
    void fifoBatch(int size, int windowSeconds) {
        require(windowSeconds == 0, "queue.batchWindowSeconds",
                "AWS supports no batching window on a FIFO queue; use 0, got " + windowSeconds);
        int max = aws.maxFifoBatchSize();
        require(size >= 1 && size <= max, "queue.batchSize", "AWS requires 1 to " + max + " for a FIFO queue, got " + size);
    }

    /** The stream's shards and the Kinesis event source mapping's settings, as CreateStream and CreateEventSourceMapping take them. */
    void stream(StreamSpec stream) {
        require(stream.shards() >= 1 && stream.shards() <= aws.maxStreamShards(), "stream.shards",
                "AWS requires 1 to " + aws.maxStreamShards() + " (the account's default shard quota), got " + stream.shards());
        require(stream.batchSize() >= 1 && stream.batchSize() <= aws.maxStreamBatchSize(), "stream.batchSize",
                "AWS requires 1 to " + aws.maxStreamBatchSize() + ", got " + stream.batchSize());
        require(stream.batchWindowSeconds() >= 0 && stream.batchWindowSeconds() <= aws.maxStreamBatchWindowSeconds(),
                "stream.batchWindowSeconds", "AWS requires 0 to " + aws.maxStreamBatchWindowSeconds() + ", got "
                        + stream.batchWindowSeconds());
        require(stream.parallelizationFactor() >= 1 && stream.parallelizationFactor() <= aws.maxParallelizationFactor(),
                "stream.parallelizationFactor", "AWS requires 1 to " + aws.maxParallelizationFactor() + ", got "
                        + stream.parallelizationFactor());
        require(!stream.retriesLimited()
                        || stream.maxRetryAttempts() >= 0 && stream.maxRetryAttempts() <= aws.maxStreamRetryAttempts(),
                "stream.maxRetryAttempts", "AWS requires -1 (infinite) or 0 to " + aws.maxStreamRetryAttempts() + ", got "
                        + stream.maxRetryAttempts());
        require(!stream.recordAgeLimited() || stream.maxRecordAgeSeconds() >= aws.minStreamRecordAgeSeconds()
                        && stream.maxRecordAgeSeconds() <= aws.maxStreamRecordAgeSeconds(),
                "stream.maxRecordAgeSeconds", "AWS requires -1 (infinite) or " + aws.minStreamRecordAgeSeconds() + " to "
                        + aws.maxStreamRecordAgeSeconds() + ", got " + stream.maxRecordAgeSeconds());
    }

    /** ProvisionedPollerConfig: AWS's ranges, minimum not above maximum, never with MaximumConcurrency. */
    void pollers(ProvisionedPollers pollers, Integer maximumConcurrency) {
        if (pollers == null) {
            return;
        }
        require(aws.provisionedPollersAvailable(), "queue.minimumPollers",
                "provisioned mode is not available under this AWS profile");
        require(pollers.minimumPollers() >= aws.minMinimumPollers() && pollers.minimumPollers() <= aws.maxMinimumPollers(),
                "queue.minimumPollers", "AWS requires " + aws.minMinimumPollers() + " to " + aws.maxMinimumPollers()
                        + ", got " + pollers.minimumPollers());
        require(pollers.maximumPollers() >= Math.max(aws.minMaximumPollers(), pollers.minimumPollers())
                        && pollers.maximumPollers() <= aws.maxMaximumPollers(),
                "queue.maximumPollers", "AWS requires " + aws.minMaximumPollers() + " to " + aws.maxMaximumPollers()
                        + " and at least queue.minimumPollers, got " + pollers.maximumPollers());
        require(maximumConcurrency == null, "consumer.maximumConcurrency",
                "cannot be set with provisioned pollers (AWS refuses ScalingConfig in provisioned mode), got "
                        + maximumConcurrency);
    }

    void reservedConcurrency(Integer reserved) {
        require(reserved == null || reserved >= 0, "consumer.reservedConcurrency",
                "AWS requires 0 or more (or null for none), got " + reserved);
    }

    /** PutProvisionedConcurrencyConfig refuses more than the function's reserved concurrency, or than the unreserved pool. */
    void provisionedConcurrency(int provisioned, Integer reserved) {
        int max = reserved != null ? reserved : aws.unreservedConcurrency();
        require(provisioned >= 0 && provisioned <= max, "consumer.provisionedConcurrency",
                "AWS requires 0 to " + max + (reserved != null ? " (the reserved concurrency)" : " (the unreserved pool)")
                        + ", got " + provisioned);
    }

    /** "SnapStart does not support provisioned concurrency" (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html). */
    void snapStart(boolean snapStart, int provisioned) {
        if (!snapStart) {
            return;
        }
        require(aws.snapStartAvailable(), "consumer.snapStart", "this AWS behaviour has no SnapStart");
        require(provisioned == 0, "consumer.snapStart", "AWS does not support SnapStart with provisioned concurrency"
                + " (consumer.provisionedConcurrency " + provisioned + "); remove one of them");
    }

    void maximumConcurrency(Integer maximum, Pipeline pipeline) {
        if (maximum == null) {
            return;
        }
        require(pipeline.queued(), "consumer.maximumConcurrency",
                "caps an SQS event source mapping, which the " + pipeline.fileName()
                        + " pipeline does not have; use null, got " + maximum);
        require(maximum >= aws.minMaximumConcurrency() && maximum <= aws.maxMaximumConcurrency(),
                "consumer.maximumConcurrency", "AWS requires " + aws.minMaximumConcurrency() + " to "
                        + aws.maxMaximumConcurrency() + ", got " + maximum);
    }

    void functionTimeout(int seconds) {
        int max = aws.maxFunctionTimeoutSeconds();
        require(seconds >= 1 && seconds <= max, "consumer.timeoutSeconds", "AWS requires 1 to " + max + ", got " + seconds);
    }

    void memory(int megabytes) {
        require(megabytes >= aws.minMemoryMb() && megabytes <= aws.maxMemoryMb(), "consumer.memoryMb",
                "AWS requires " + aws.minMemoryMb() + " to " + aws.maxMemoryMb() + ", got " + megabytes);
    }

    void visibilityTimeout(int seconds, int functionTimeoutSeconds) {
        long max = aws.maxVisibilityTimeout().toSeconds();
        require(seconds >= 0 && seconds <= max, "queue.visibilityTimeoutSeconds",
                "AWS requires 0 to " + max + ", got " + seconds);
        // CreateEventSourceMapping refuses a queue whose visibility timeout is shorter than the function timeout.
        require(seconds >= functionTimeoutSeconds, "queue.visibilityTimeoutSeconds",
                "AWS requires at least the function timeout (consumer.timeoutSeconds " + functionTimeoutSeconds
                        + ") for an SQS event source, got " + seconds);
    }

    void maxReceiveCount(int count) {
        require(count >= aws.minMaxReceiveCount() && count <= aws.maxMaxReceiveCount(), "queue.maxReceiveCount",
                "AWS requires " + aws.minMaxReceiveCount() + " to " + aws.maxMaxReceiveCount() + ", got " + count);
    }

    void batch(int size, int windowSeconds) {
        require(windowSeconds >= 0 && windowSeconds <= aws.maxBatchWindowSeconds(), "queue.batchWindowSeconds",
                "AWS requires 0 to " + aws.maxBatchWindowSeconds() + ", got " + windowSeconds);
        int max = aws.maxBatchSize(windowSeconds);
        require(size >= 1 && size <= max, "queue.batchSize", "AWS requires 1 to " + max
                + (windowSeconds == 0 ? " without a batching window" : " with a batching window") + ", got " + size);
    }

    private static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new UnsupportedScenarioException(key, problem);
        }
    }
}
