package io.streamlimit.sim;

import io.streamlimit.aws.AwsBehaviour;

/**
 * How to run a simulation.
 *
 * @param seed seeds the one random source; the same seed gives the same run
 * @param eventsOverride replaces the scenario's {@code events.total} (the {@code --events} flag), or null
 * @param runId the run's id in the rows, or null for {@code sim-<scenario>-<seed>}
 * @param behaviour the AWS behaviour to reproduce; null means the scenario's own profile, else
 *     {@link AwsBehaviour#current()}
 * @param stopOnLossOrOverLimit stop as soon as an event is dead-lettered or a second goes over the
 *     downstream's limit (the recommender's pruning: such a run cannot win); the result says so
 */
public record SimulationOptions(long seed, Integer eventsOverride, String runId, AwsBehaviour behaviour,
                                boolean stopOnLossOrOverLimit) {

    public SimulationOptions(long seed, Integer eventsOverride, String runId, AwsBehaviour behaviour) {
        this(seed, eventsOverride, runId, behaviour, false);
    }

    /** The same run, stopped as soon as it loses an event or goes over the limit. */
    public SimulationOptions stoppingOnLossOrOverLimit() {
        return new SimulationOptions(seed, eventsOverride, runId, behaviour, true);
    }


    /** The scenario as written, under its own AWS profile, a run id derived from the seed. */
    public static SimulationOptions seed(long seed) {
        return new SimulationOptions(seed, null, null, null);
    }

    public SimulationOptions withEvents(Integer events) {
        return new SimulationOptions(seed, events, runId, behaviour);
    }

    public SimulationOptions withRunId(String id) {
        return new SimulationOptions(seed, eventsOverride, id, behaviour);
    }

    public SimulationOptions withBehaviour(AwsBehaviour aws) {
        return new SimulationOptions(seed, eventsOverride, runId, aws);
    }
}
