package io.streamlimit.scenario;

import io.streamlimit.aws.AwsBehaviour;

/**
 * The SQS event source mapping's provisioned mode (ProvisionedPollerConfig): event pollers kept
 * ready, each carrying up to {@link AwsBehaviour#concurrentInvokesPerPoller()} concurrent invokes.
 * A queue without them ({@link QueueSpec#pollers()} null) runs in standard (on-demand) mode.
 *
 * @param minimumPollers the pollers always running, and billed, even when the queue is empty
 * @param maximumPollers the most the mapping scales to; it caps the mapping's concurrency
 *     (MaximumConcurrency cannot be set with provisioned mode)
 */
public record ProvisionedPollers(int minimumPollers, int maximumPollers) {

    public static final String MINIMUM_KEY = "queue.minimumPollers";
    public static final String MAXIMUM_KEY = "queue.maximumPollers";

    public ProvisionedPollers {
        check(minimumPollers, maximumPollers, AwsBehaviour.current());
    }

    /**
     * Checks the pollers against the ranges of {@code aws}.
     *
     * @return these pollers
     * @throws ScenarioException naming the key AWS would refuse, or {@value #MINIMUM_KEY} when the
     *     behaviour has no provisioned mode
     */
    public ProvisionedPollers validate(AwsBehaviour aws) {
        check(minimumPollers, maximumPollers, aws);
        return this;
    }

    private static void check(int minimumPollers, int maximumPollers, AwsBehaviour aws) {
        if (!aws.provisionedPollersAvailable()) {
            throw new ScenarioException(MINIMUM_KEY, "not available under this AWS profile (provisioned mode for SQS"
                    + " came in November 2025); remove queue.minimumPollers and queue.maximumPollers");
        }
        Checks.range(MINIMUM_KEY, minimumPollers, aws.minMinimumPollers(), aws.maxMinimumPollers());
        Checks.range(MAXIMUM_KEY, maximumPollers, aws.minMaximumPollers(), aws.maxMaximumPollers());
        if (maximumPollers < minimumPollers) {
            throw new ScenarioException(MAXIMUM_KEY, "must be at least " + MINIMUM_KEY + " (" + minimumPollers
                    + "), got " + maximumPollers);
        }
    }
}
