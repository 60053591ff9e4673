package io.streamlimit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code queue.minimumPollers} / {@code queue.maximumPollers}: the SQS mapping's provisioned mode,
 * in AWS's ranges (ProvisionedPollerConfig), never with MaximumConcurrency, only where there is a
 * queue, and one line naming the key when wrong.
 */
class ProvisionedPollersScenarioTest {

    private static final String VALID = """
            name: test
            events:     { total: 1000 }
            pipeline:   sns-sqs-lambda
            queue:      { visibilityTimeoutSeconds: 120, minimumPollers: 2, maximumPollers: 20 }
            consumer:   { reservedConcurrency: 100 }
            downstream: { ratePerSecond: 1, callMillis: 1000 }
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "test.yaml");
    }

    private static String failure(String yaml) {
        try {
            parse(yaml);
        } catch (ScenarioException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("expected a ScenarioException for:\n" + yaml);
    }

    @Test
    void both_keys_give_the_mapping_provisioned_pollers() {
        assertThat(parse(VALID).queue().pollers()).isEqualTo(new ProvisionedPollers(2, 20));
    }

    @Test
    void neither_key_is_standard_mode() {
        assertThat(parse(VALID.replace(", minimumPollers: 2, maximumPollers: 20", "")).queue().pollers()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "minimumPollers: 1, maximumPollers: 20|test.yaml: queue.minimumPollers: must be 2 to 200, got 1",
            "minimumPollers: 201, maximumPollers: 300|test.yaml: queue.minimumPollers: must be 2 to 200, got 201",
            "minimumPollers: 2, maximumPollers: 2001|test.yaml: queue.maximumPollers: must be 2 to 2000, got 2001",
            "minimumPollers: 10, maximumPollers: 5|test.yaml: queue.maximumPollers: must be at least queue.minimumPollers (10), got 5",
            "minimumPollers: 2|test.yaml: queue.maximumPollers: is required",
            "maximumPollers: 20|test.yaml: queue.minimumPollers: is required",
            "minimumPollers: two, maximumPollers: 20|test.yaml: queue.minimumPollers: must be a whole number, got \"two\"",
    })
    void pollers_aws_would_refuse_name_the_key(String keys, String message) {
        assertThat(failure(VALID.replace("minimumPollers: 2, maximumPollers: 20", keys))).isEqualTo(message);
    }

    @Test
    void pollers_with_maximum_concurrency_are_one_line_naming_the_key() {
        assertThat(failure(VALID.replace("reservedConcurrency: 100", "maximumConcurrency: 50")))
                .isEqualTo("test.yaml: consumer.maximumConcurrency: cannot be combined with queue.maximumPollers"
                        + " (AWS refuses MaximumConcurrency in provisioned mode; the maximum pollers cap the mapping"
                        + " at 20 x 10 concurrent invokes), got 50");
    }

    @Test
    void the_2020_profile_has_no_provisioned_mode() {
        assertThat(failure(VALID.replace("name: test", "name: test\nawsProfile: \"2020\"")))
                .startsWith("test.yaml: queue.minimumPollers: not available under this AWS profile");
    }

    @Test
    void pollers_are_written_and_read_back() {
        Scenario scenario = parse(VALID);
        String yaml = ScenarioWriter.toYaml(scenario);
        assertThat(yaml).contains("minimumPollers: 2, maximumPollers: 20");
        assertThat(ScenarioLoader.parse(yaml, "written.yaml")).isEqualTo(scenario);
        assertThat(ScenarioWriter.toYaml(scenario.withQueue(scenario.queue().withPollers(null))))
                .doesNotContain("Pollers");
    }
}
