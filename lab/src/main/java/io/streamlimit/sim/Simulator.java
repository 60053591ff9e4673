package io.streamlimit.sim;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfiles;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.internal.SimulationRun;
import java.time.Instant;

/**
 * Simulates a scenario in virtual time: a deterministic discrete-event model of the producer,
 * SNS, SQS with its event source mapping or Lambda's async queue (or the API proxy, a Kinesis
 * stream and its event source mapping), the function's concurrency and
 * the rate-limited downstream, reading {@link io.streamlimit.aws.AwsBehaviour}. One run is
 * single-threaded and depends only on the scenario and the options, so the same seed gives the
 * same {@link io.streamlimit.results.RunData}.
 */
public final class Simulator {

    /** Virtual time zero: the first publish of every simulated run. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private Simulator() {
    }

    public static SimulationResult run(Scenario scenario, SimulationOptions options) {
        return run(scenario, options, SimulationListener.NONE);
    }

    /** @throws io.streamlimit.scenario.ScenarioException when the scenario breaks a limit of the options' behaviour */
    public static SimulationResult run(Scenario scenario, SimulationOptions options, SimulationListener listener) {
        AwsBehaviour behaviour = behaviour(scenario, options);
        Scenario effective = (options.eventsOverride() == null
                ? scenario
                : scenario.withEventsTotal(options.eventsOverride())).validate(behaviour);
        String runId = options.runId() != null ? options.runId() : "sim-" + scenario.name() + "-" + options.seed();
        return new SimulationRun(effective, options.seed(), runId, behaviour, listener)
                .stopOnLossOrOverLimit(options.stopOnLossOrOverLimit()).run();
    }

    /** The options' behaviour, else the scenario's own profile ({@code awsProfile}), else current. */
    public static AwsBehaviour behaviour(Scenario scenario, SimulationOptions options) {
        if (options.behaviour() != null) {
            return options.behaviour();
        }
        return scenario.awsProfile() != null ? AwsProfiles.resolve(scenario.awsProfile()) : AwsBehaviour.current();
    }
}
