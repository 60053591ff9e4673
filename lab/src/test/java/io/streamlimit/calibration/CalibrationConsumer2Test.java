package io.streamlimit.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfileFile;
import io.streamlimit.aws.AwsProfiles;
import io.streamlimit.fidelity.Figure;
import io.streamlimit.fidelity.FidelityCases;
import io.streamlimit.fidelity.FigureCalculator;
import io.streamlimit.fidelity.RunFigures;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calibrated to the real trace's consumer-2 (SNS -> SQS -> Lambda at reserved concurrency 1), the
 * written profile's simulation lands consumer-2's figures within the fidelity bands.
 */
class CalibrationConsumer2Test {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);

    private static Scenario scenario;
    private static Calibration calibration;
    private static String profile;

    @BeforeAll
    static void calibrate() {
        scenario = Scenarios.traceCase("trace-consumer-2.yaml");
        ObservedRun run = ObservedRun.fromTrace(FidelityCases.trace(), "consumer-2");
        calibration = Calibrator.calibrate(scenario, AwsProfiles.named(AwsProfiles.Y2020), run,
                CalibrationOptions.seed(1));
        profile = ProfileWriter.text(calibration, AwsProfiles.Y2020, DAY);
    }

    @Test
    void the_written_profile_lands_consumer_2s_targets() {
        AwsBehaviour written = AwsProfileFile.parse(profile, "consumer-2.yaml");
        RunFigures simulated = FigureCalculator.ofRun(
                Simulator.run(scenario, new SimulationOptions(1, null, "check", written)).runData());

        assertThat(simulated.value(Figure.FIRST_TO_LAST_START)).isCloseTo(1_518.5, within(151.85));
        assertThat(simulated.value(Figure.START_GAP_P50)).isCloseTo(1.306, within(0.1306));
        assertThat(simulated.value(Figure.START_GAP_P90)).isCloseTo(2.038, within(0.2038 * 1.5));
        assertThat(simulated.value(Figure.FAILED)).isZero();
    }

    @Test
    void fits_the_back_off_and_the_overhead_and_keeps_the_retry_interval_saying_why() {
        assertThat(calibration.real().value(Target.START_GAP_P50)).isEqualTo(1.306);
        assertThat(calibration.real().value(Target.START_GAP_P90)).isEqualTo(2.038);
        assertThat(calibration.plan().targets()).containsExactly(Target.FIRST_TO_LAST_START, Target.START_GAP_P10,
                Target.START_GAP_P50, Target.START_GAP_P90);
        assertThat(calibration.plan().fitted()).containsExactly(
                Parameter.MAPPING_BATCHES_REMOVED_PER_THROTTLE, Parameter.INVOKE_OVERHEAD);
        assertThat(calibration.plan().kept().get(Parameter.HELD_BATCH_RETRY_MEAN_INTERVAL))
                .startsWith("no events were lost to the DLQ");
        assertThat(calibration.lossAfter()).isLessThanOrEqualTo(calibration.lossBefore());
    }

    @Test
    void the_profile_is_base_and_the_fitted_keys_under_a_header_saying_what_they_were_fitted_to() {
        assertThat(profile.lines().filter(line -> !line.startsWith("#")).map(line -> line.split(":")[0]))
                .containsExactly("base", "mappingBatchesRemovedPerThrottle", "invokeOverhead");
        String header = profile.lines().filter(line -> line.startsWith("#"))
                .map(line -> line.substring(1).strip()).collect(Collectors.joining(" "));
        assertThat(profile).startsWith("# AWS profile fitted by `streamlimit calibrate` on 2026-01-02.\n")
                .contains("\nbase: \"2020\"\n");
        assertThat(header).contains(
                "Fitted to: /calibration/trace-2020-06-07.csv, group consumer-2 (1,000 rows, 1,000 of 1,000"
                        + " published events), configured as the scenario trace-consumer-2 (sns-sqs-lambda),"
                        + " starting from the AWS profile 2020.",
                "mappingBatchesRemovedPerThrottle (was 0.65): batches the SQS event source mapping gives up per"
                        + " throttled invoke",
                "invokeOverhead (was PT0.03S): time from an invoke to the handler's start",
                "Kept as in the starting profile: heldBatchRetryMeanInterval: no events were lost to the DLQ");
        assertThat(profile.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(AwsProfileFile.parse(profile, "p.yaml")).isEqualTo(calibration.fittedBehaviour());
    }

    @Test
    void the_printed_fit_has_every_target_real_before_and_after_and_every_parameter() {
        String table = FitTable.format(calibration, AwsProfiles.Y2020);

        assertThat(table).contains("Figure                     Real  Before  Error %   After  Error %",
                "first -> last start (s)  1518.5", "start gap median (s)      1.306", "start gap p90 (s)         2.038",
                "mappingBatchesRemovedPerThrottle    0.65", "invokeOverhead                    0.03 s",
                "heldBatchRetryMeanInterval          12 s     kept",
                "Kept heldBatchRetryMeanInterval: no events were lost to the DLQ");
    }
}
