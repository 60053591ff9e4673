package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The stack's own guard names the key of every value AWS would refuse. */
class ScenarioRequirementsTest {

    private final ScenarioRequirements requirements = new ScenarioRequirements(AwsBehaviour.current());

    @Test
    void maximum_concurrency_1_is_refused_naming_the_key() {
        assertThatThrownBy(() -> requirements.maximumConcurrency(1, Pipeline.SNS_SQS_LAMBDA))
                .isInstanceOf(UnsupportedScenarioException.class)
                .hasMessage("consumer.maximumConcurrency: AWS requires 2 to 1000, got 1");
    }

    @Test
    void the_kinesis_pipeline_is_refused_in_one_line_until_the_app_deploys_it() {
        assertThatThrownBy(() -> requirements.check(ScenarioLoader.load(
                SynthesizedScenarios.SCENARIOS.resolve("kinesis-50-per-second.yaml"))))
                .isInstanceOf(UnsupportedScenarioException.class)
                .hasMessage("pipeline: api-kinesis-lambda is not deployed by the CDK app yet");
    }

    @Test
    void maximum_concurrency_over_1000_is_refused() {
        assertThatThrownBy(() -> requirements.maximumConcurrency(1001, Pipeline.SNS_SQS_LAMBDA))
                .hasMessage("consumer.maximumConcurrency: AWS requires 2 to 1000, got 1001");
    }

    @Test
    void maximum_concurrency_without_an_event_source_mapping_is_refused() {
        assertThatThrownBy(() -> requirements.maximumConcurrency(5, Pipeline.SNS_LAMBDA))
                .hasMessageStartingWith("consumer.maximumConcurrency: caps an SQS event source mapping, which the sns-lambda");
    }

    @Test
    void visibility_timeout_shorter_than_the_function_timeout_is_refused() {
        assertThatThrownBy(() -> requirements.visibilityTimeout(10, 20))
                .hasMessage("queue.visibilityTimeoutSeconds: AWS requires at least the function timeout"
                        + " (consumer.timeoutSeconds 20) for an SQS event source, got 10");
    }

    @Test
    void visibility_timeout_equal_to_the_function_timeout_is_accepted() {
        assertThatCode(() -> requirements.visibilityTimeout(10, 10)).doesNotThrowAnyException();
    }

    @Test
    void visibility_timeout_over_12_hours_is_refused() {
        assertThatThrownBy(() -> requirements.visibilityTimeout(43_201, 10))
                .hasMessage("queue.visibilityTimeoutSeconds: AWS requires 0 to 43200, got 43201");
    }

    @Test
    void batch_over_10_needs_a_batching_window() {
        assertThatThrownBy(() -> requirements.batch(11, 0))
                .hasMessage("queue.batchSize: AWS requires 1 to 10 without a batching window, got 11");
        assertThatCode(() -> requirements.batch(100, 1)).doesNotThrowAnyException();
    }

    @Test
    void batching_window_over_300_seconds_is_refused() {
        assertThatThrownBy(() -> requirements.batch(1, 301))
                .hasMessage("queue.batchWindowSeconds: AWS requires 0 to 300, got 301");
    }

    @Test
    void max_receive_count_0_is_refused() {
        assertThatThrownBy(() -> requirements.maxReceiveCount(0))
                .hasMessage("queue.maxReceiveCount: AWS requires 1 to 1000, got 0");
    }

    @Test
    void function_limits_are_lambdas() {
        assertThatThrownBy(() -> requirements.functionTimeout(901))
                .hasMessage("consumer.timeoutSeconds: AWS requires 1 to 900, got 901");
        assertThatThrownBy(() -> requirements.memory(64))
                .hasMessage("consumer.memoryMb: AWS requires 128 to 10240, got 64");
        assertThatThrownBy(() -> requirements.reservedConcurrency(-1))
                .hasMessageStartingWith("consumer.reservedConcurrency: AWS requires 0 or more");
    }

    @Test
    void provisioned_concurrency_over_the_reserved_concurrency_is_refused() {
        assertThatThrownBy(() -> requirements.provisionedConcurrency(6, 5))
                .hasMessage("consumer.provisionedConcurrency: AWS requires 0 to 5 (the reserved concurrency), got 6");
        assertThatThrownBy(() -> requirements.provisionedConcurrency(901, null))
                .hasMessage("consumer.provisionedConcurrency: AWS requires 0 to 900 (the unreserved pool), got 901");
        assertThatCode(() -> requirements.provisionedConcurrency(5, 5)).doesNotThrowAnyException();
    }

    @Test
    void every_scenario_file_of_the_repository_passes() {
        for (var file : SynthesizedScenarios.files()) {
            assertThatCode(() -> requirements.check(ScenarioLoader.load(file)))
                    .as(file.getFileName().toString())
                    .doesNotThrowAnyException();
        }
    }
}
