package io.streamlimit.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfileFile;
import io.streamlimit.aws.AwsProfiles;
import io.streamlimit.results.InvocationRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile file: base, carried-over and fitted keys, and nothing else; it reproduces the fit. */
class CalibrationProfileTest {

    private static Calibration calibration(AwsBehaviour start, Map<Parameter, String> kept, Point fitted) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ObservedRun run = new ObservedRun("real.csv", "g", List.of(
                new InvocationRow("r", 0, null, t, null, "g", "b0", "c"),
                new InvocationRow("r", 1, null, t.plusSeconds(1), null, "g", "b1", "c")));
        TargetValues figures = new TargetValues(Map.of(Target.FIRST_TO_LAST_START, 1.0));
        Evaluation evaluation = new Evaluation(fitted, List.of(figures), figures, 0);
        Plan plan = new Plan(List.of(Target.FIRST_TO_LAST_START), List.copyOf(fitted.values().keySet()), kept);
        return new Calibration(run, Scenarios.traceCase("trace-consumer-2.yaml"), CalibrationOptions.seed(1), plan,
                new Noise(Map.of()), figures, start, evaluation, fitted, evaluation, List.of(), 1, 1);
    }

    @Test
    void a_start_from_a_profile_file_carries_its_own_keys_over_so_that_the_file_reproduces_the_fit() {
        AwsBehaviour start = AwsProfiles.named(AwsProfiles.Y2020).toBuilder()
                .concurrentBatchesAddedPerMinute(100)
                .invokeOverhead(Duration.ofMillis(45))
                .build();
        Point fitted = Point.none().with(Parameter.INVOKE_OVERHEAD, 0.052);

        String text = ProfileWriter.text(calibration(start, Map.of(), fitted), "mine.yaml", LocalDate.of(2026, 3, 4));

        assertThat(text.lines().filter(line -> !line.startsWith("#")))
                .containsExactly("base: \"2020\"", "concurrentBatchesAddedPerMinute: 100", "invokeOverhead: PT0.052S");
        assertThat(text).contains("# Carried over from the starting profile mine.yaml (not fitted):"
                + " concurrentBatchesAddedPerMinute.", "invokeOverhead (was PT0.045S)");
        assertThat(AwsProfileFile.parse(text, "p.yaml")).isEqualTo(start.toBuilder()
                .invokeOverhead(Duration.ofMillis(52)).build());
    }

    @Test
    void with_nothing_fitted_the_profile_is_the_starting_behaviour_and_says_so() {
        String text = ProfileWriter.text(calibration(AwsBehaviour.current(),
                Map.of(Parameter.MAPPING_BATCHES_REMOVED_PER_THROTTLE, "the run is not throttled"), Point.none()),
                "current", LocalDate.of(2026, 3, 4));

        assertThat(text.lines().filter(line -> !line.startsWith("#"))).containsExactly("base: \"current\"");
        assertThat(text).contains("# Nothing could be fitted from this run: the profile is the starting behaviour.",
                "#   mappingBatchesRemovedPerThrottle: the run is not throttled.");
        assertThat(AwsProfileFile.parse(text, "p.yaml")).isEqualTo(AwsBehaviour.current());
    }
}
