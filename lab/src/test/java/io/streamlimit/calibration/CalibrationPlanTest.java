package io.streamlimit.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsProfiles;
import io.streamlimit.fidelity.FidelityCases;
import io.streamlimit.fidelity.Trace;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import org.junit.jupiter.api.Test;

/** What a run can identify: decided by what each parameter does, then by measuring its effect. */
class CalibrationPlanTest {

    private static final Trace TRACE = FidelityCases.trace();

    private static Calibration calibrate(String scenarioFile, ObservedRun run) {
        return Calibrator.calibrate(Scenarios.traceCase(scenarioFile), AwsProfiles.named(AwsProfiles.Y2020), run,
                CalibrationOptions.seed(1));
    }

    @Test
    void an_unthrottled_sns_to_lambda_run_fits_the_async_read_rate_against_its_start_rate_and_share_curve() {
        Calibration calibration = calibrate("trace-consumer-1.yaml", ObservedRun.fromTrace(TRACE, "consumer-1"));

        assertThat(calibration.plan().targets()).containsExactly(Target.FIRST_TO_LAST_START,
                Target.STARTED_25_PERCENT, Target.STARTED_50_PERCENT, Target.STARTED_75_PERCENT,
                Target.STARTED_90_PERCENT);
        assertThat(calibration.plan().fitted()).containsExactly(Parameter.ASYNC_DELIVERY_RATE_PER_SECOND);
        assertThat(calibration.plan().kept().get(Parameter.ASYNC_RETRY_JITTER))
                .startsWith("the run is not throttled");
        // The real consumer started its events more slowly than the 2020 profile's 16.6 a second.
        assertThat(calibration.fitted().value(Parameter.ASYNC_DELIVERY_RATE_PER_SECOND)).isLessThan(16.6);
        assertThat(calibration.lossAfter()).isLessThan(calibration.lossBefore());
    }

    @Test
    void an_unthrottled_queue_identifies_none_of_the_throttle_parameters() {
        Calibration calibration = calibrate("trace-consumer-3.yaml", ObservedRun.fromTrace(TRACE, "consumer-3"));

        assertThat(calibration.plan().fitted()).isEmpty();
        assertThat(calibration.plan().kept()).containsOnlyKeys(Parameter.MAPPING_BATCHES_REMOVED_PER_THROTTLE,
                Parameter.INVOKE_OVERHEAD, Parameter.HELD_BATCH_RETRY_MEAN_INTERVAL);
        assertThat(calibration.plan().kept().values()).allSatisfy(why -> assertThat(why).startsWith("the run is not throttled"));
        assertThat(calibration.fittedBehaviour()).isEqualTo(AwsProfiles.named(AwsProfiles.Y2020));
    }

    @Test
    void a_parameter_whose_whole_range_moves_no_figure_beyond_the_seeds_spread_is_kept() {
        // Run 02's configuration (SNS -> Lambda at reserved concurrency 1): a backlog of 1,000
        // throttled events spreads its retries whatever the lone-event jitter is.
        Scenario scenario = Scenarios.traceCase("02-sns-rc1.yaml");
        ObservedRun run = ObservedRun.fromRun(Simulator.run(scenario,
                new SimulationOptions(1001, null, "real", AwsProfiles.named(AwsProfiles.Y2020))).runData(), null);

        Calibration calibration = calibrate("02-sns-rc1.yaml", run);

        assertThat(calibration.plan().fitted()).isEmpty();
        assertThat(calibration.plan().kept().get(Parameter.ASYNC_DELIVERY_RATE_PER_SECOND))
                .startsWith("the run is throttled");
        assertThat(calibration.plan().kept().get(Parameter.ASYNC_RETRY_JITTER))
                .startsWith("across its range (0 to 1) it moves a target figure by ")
                .endsWith("times that figure's spread between seeds: this run cannot tell its value");
    }
}
