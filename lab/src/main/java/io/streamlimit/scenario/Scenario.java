package io.streamlimit.scenario;

import io.streamlimit.aws.AwsBehaviour;
import java.util.regex.Pattern;

/**
 * One experiment: what to send, how the pipeline is configured and what the downstream allows.
 * Loaded from a YAML file by {@link ScenarioLoader}; every part validates itself and names the
 * key that is wrong, against AWS's limits as documented today; {@link #validate(AwsBehaviour)}
 * checks the limits and quotas of the behaviour the scenario runs under.
 *
 * @param name letters, digits, {@code . _ -}, up to 64 characters (it names stacks and runs)
 * @param queue required for {@code sns-sqs-lambda} (a standard queue) and {@code sns-fifo-sqs-fifo-lambda}
 *     (a FIFO queue), absent for {@code sns-lambda} and {@code api-kinesis-lambda}
 * @param stream required for {@code api-kinesis-lambda}, absent (null) for the other pipelines
 * @param awsProfile the AWS behaviour the scenario runs under: a profile name such as {@code 2020}
 *     or a profile file (relative to the scenario file), as {@code io.streamlimit.aws.AwsProfiles}
 *     resolves it; null: {@code current}, or whatever the command line names
 */
public record Scenario(
        String name,
        String description,
        EventsSpec events,
        Pipeline pipeline,
        QueueSpec queue,
        ConsumerSpec consumer,
        DownstreamSpec downstream,
        String awsProfile,
        StreamSpec stream) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Scenario {
        Checks.required("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new ScenarioException("name",
                    "must be 1 to 64 of A-Z a-z 0-9 . _ -, got \"" + name + "\"");
        }
        description = description == null ? "" : description;
        if (awsProfile != null && awsProfile.isBlank()) {
            throw new ScenarioException("awsProfile", "must be a profile name or a profile file, got \"" + awsProfile + "\"");
        }
        Checks.required("events", events);
        Checks.required("pipeline", pipeline);
        Checks.required("consumer", consumer);
        Checks.required("downstream", downstream);
        if (pipeline.queued()) {
            Checks.required("queue", queue);
            if (pipeline.fifo() && !queue.isFifo()) {
                throw new ScenarioException("queue", "must be a FIFO queue for pipeline " + pipeline.fileName()
                        + " (give it a FifoSpec)");
            }
            if (!pipeline.fifo() && queue.isFifo()) {
                throw new ScenarioException("queue.deduplicationScope", "not allowed for pipeline "
                        + pipeline.fileName() + " (a standard queue); use sns-fifo-sqs-fifo-lambda");
            }
            // CreateEventSourceMapping refuses a queue whose visibility timeout is shorter than the
            // function timeout.
            if (queue.visibilityTimeoutSeconds() < consumer.timeoutSeconds()) {
                throw new ScenarioException("queue.visibilityTimeoutSeconds",
                        "must be at least consumer.timeoutSeconds (" + consumer.timeoutSeconds()
                                + ") or AWS refuses the event source mapping, got "
                                + queue.visibilityTimeoutSeconds());
            }
            // Provisioned mode and ScalingConfig.MaximumConcurrency are mutually exclusive: the
            // maximum pollers cap the mapping's concurrency instead.
            if (queue.pollers() != null && consumer.maximumConcurrency() != null) {
                throw new ScenarioException("consumer.maximumConcurrency", "cannot be combined with "
                        + ProvisionedPollers.MAXIMUM_KEY + " (AWS refuses MaximumConcurrency in provisioned mode;"
                        + " the maximum pollers cap the mapping at " + queue.pollers().maximumPollers()
                        + " x " + AwsBehaviour.current().concurrentInvokesPerPoller() + " concurrent invokes), got " + consumer.maximumConcurrency());
            }
        } else {
            Checks.absent("queue", queue, "for pipeline " + pipeline.fileName());
            Checks.absent("consumer.maximumConcurrency", consumer.maximumConcurrency(),
                    "for pipeline " + pipeline.fileName() + " (it configures an SQS event source mapping)");
        }
        if (pipeline == Pipeline.API_KINESIS_LAMBDA) {
            Checks.required("stream", stream);
        } else {
            Checks.absent("stream", stream, "for pipeline " + pipeline.fileName() + " (it configures a Kinesis stream)");
        }
    }

    /** Without a stream (any pipeline but {@code api-kinesis-lambda}). */
    public Scenario(String name, String description, EventsSpec events, Pipeline pipeline, QueueSpec queue,
            ConsumerSpec consumer, DownstreamSpec downstream, String awsProfile) {
        this(name, description, events, pipeline, queue, consumer, downstream, awsProfile, null);
    }

    /** Without an AWS profile of its own: {@code current}, unless the command line names another. */
    public Scenario(String name, String description, EventsSpec events, Pipeline pipeline, QueueSpec queue,
            ConsumerSpec consumer, DownstreamSpec downstream) {
        this(name, description, events, pipeline, queue, consumer, downstream, null, null);
    }

    /**
     * Checks the scenario against the limits and quotas of the behaviour it runs under.
     *
     * @return this scenario
     * @throws ScenarioException naming the first key AWS would refuse
     */
    public Scenario validate(AwsBehaviour aws) {
        if (queue != null) {
            queue.validate(aws);
        }
        if (stream != null) {
            stream.validate(aws);
        }
        consumer.validate(aws);
        downstream.validate(aws);
        return this;
    }

    /** The same scenario on another pipeline with its queue (null for {@code sns-lambda}). */
    public Scenario withPipeline(Pipeline newPipeline, QueueSpec newQueue) {
        return new Scenario(name, description, events, newPipeline, newQueue, consumer, downstream, awsProfile);
    }

    /** The same scenario with another consumer. */
    public Scenario withConsumer(ConsumerSpec newConsumer) {
        return new Scenario(name, description, events, pipeline, queue, newConsumer, downstream, awsProfile, stream);
    }

    /** The same scenario with another queue (its mapping's settings included). */
    public Scenario withQueue(QueueSpec newQueue) {
        return new Scenario(name, description, events, pipeline, newQueue, consumer, downstream, awsProfile);
    }

    /** The same scenario with another number of events (the {@code --events} override). */
    public Scenario withEventsTotal(int total) {
        return new Scenario(name, description, events.withTotal(total), pipeline, queue, consumer,
                downstream, awsProfile, stream);
    }

    /** The same scenario under another name and description. */
    public Scenario renamed(String newName, String newDescription) {
        return new Scenario(newName, newDescription, events, pipeline, queue, consumer, downstream, awsProfile, stream);
    }

    /** The same scenario under another AWS profile (null: none of its own). */
    public Scenario withAwsProfile(String profile) {
        return new Scenario(name, description, events, pipeline, queue, consumer, downstream, profile, stream);
    }

    /** The same scenario with another stream (only for {@code api-kinesis-lambda}). */
    public Scenario withStream(StreamSpec newStream) {
        return new Scenario(name, description, events, pipeline, queue, consumer, downstream, awsProfile, newStream);
    }
}
