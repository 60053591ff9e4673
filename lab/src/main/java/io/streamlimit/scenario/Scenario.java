package io.streamlimit.scenario;

/**
 * One experiment: what to send, how the pipeline is configured and what the downstream allows.
 * Loaded from a YAML file by {@link ScenarioLoader}; every part validates itself and names the
 * key that is wrong.
 */
public record Scenario(
        String name,
        String description,
        EventsSpec events,
        Pipeline pipeline,
        QueueSpec queue,
        ConsumerSpec consumer,
        DownstreamSpec downstream) {
}
