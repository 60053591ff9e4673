package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.ScenarioLoader;
import io.streamlimit.scenario.StreamSpec;
import org.junit.jupiter.api.Test;

/** The stack's own guard names the key of every value AWS would refuse. */
class ScenarioRequirementsTest {

    private final ScenarioRequirements requirements = new ScenarioRequirements(AwsBehaviour.current());

    @Test
    void snapstart_with_provisioned_concurrency_is_refused_naming_the_key() {
        assertThatThrownBy(() -> requirements.snapStart(true, 2))
                .isInstanceOf(UnsupportedScenarioException.class)
                .hasMessage("consumer.snapStart: AWS does not support SnapStart with provisioned concurrency"
                        + " (consumer.provisionedConcurrency 2); remove one of them");
        assertThatCode(() -> requirements.snapStart(true, 0)).doesNotThrowAnyException();
        assertThatCode(() -> requirements.snapStart(false, 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new ScenarioRequirements(io.streamlimit.aws.AwsProfiles.named("2020")).snapStart(true, 0))
                .hasMessage("consumer.snapStart: this AWS behaviour has no SnapStart");
    }

    @Test
    void maximum_concurrency_1_is_refused_naming_the_key() {
        assertThatThrownBy(() -> requirements.maximumConcurrency(1, Pipeline.SNS_SQS_LAMBDA))
                .isInstanceOf(UnsupportedScenarioException.class)
                .hasMessage("consumer.maximumConcurrency: AWS requires 2 to 1000, got 1");
    }

    @Test
    void the_kinesis_scenarios_meet_the_stacks_requirements() {
        // The app deploys api-kinesis-lambda: its scenario files pass the stack's own guard.
        assertThatCode(() -> requirements.check(ScenarioLoader.load(
                SynthesizedScenarios.SCENARIOS.resolve("kinesis-50-per-second.yaml")))).doesNotThrowAnyException();
        assertThatCode(() -> requirements.check(ScenarioLoader.load(
                SynthesizedScenarios.SCENARIOS.resolve("kinesis-blocked-shard.yaml")))).doesNotThrowAnyException();
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
    void a_stream_over_the_accounts_shard_quota_is_refused_naming_the_key() {
        ScenarioRequirements small = new ScenarioRequirements(AwsBehaviour.current().toBuilder().maxStreamShards(4).build());
        assertThatThrownBy(() -> small.stream(new StreamSpec(5, 100, 0, 1, false, -1, -1)))
                .isInstanceOf(UnsupportedScenarioException.class)
                .hasMessage("stream.shards: AWS requires 1 to 4 (the account's default shard quota), got 5");
        assertThatCode(() -> small.stream(new StreamSpec(4, 100, 0, 1, false, -1, -1))).doesNotThrowAnyException();
    }

    @Test
    void stream_settings_over_another_behaviours_limits_are_refused_naming_each_key() {
        ScenarioRequirements strict = new ScenarioRequirements(AwsBehaviour.current().toBuilder()
                .defaultStreamBatchSize(50).maxStreamBatchSize(50).maxStreamBatchWindowSeconds(5).maxParallelizationFactor(2)
                .maxStreamRetryAttempts(3).minStreamRecordAgeSeconds(120).build());
        assertThatThrownBy(() -> strict.stream(new StreamSpec(1, 51, 0, 1, false, -1, -1)))
                .hasMessage("stream.batchSize: AWS requires 1 to 50, got 51");
        assertThatThrownBy(() -> strict.stream(new StreamSpec(1, 50, 6, 1, false, -1, -1)))
                .hasMessage("stream.batchWindowSeconds: AWS requires 0 to 5, got 6");
        assertThatThrownBy(() -> strict.stream(new StreamSpec(1, 50, 5, 3, false, -1, -1)))
                .hasMessage("stream.parallelizationFactor: AWS requires 1 to 2, got 3");
        assertThatThrownBy(() -> strict.stream(new StreamSpec(1, 50, 5, 2, true, 4, -1)))
                .hasMessage("stream.maxRetryAttempts: AWS requires -1 (infinite) or 0 to 3, got 4");
        assertThatThrownBy(() -> strict.stream(new StreamSpec(1, 50, 5, 2, true, 3, 60)))
                .hasMessage("stream.maxRecordAgeSeconds: AWS requires -1 (infinite) or 120 to 604800, got 60");
        assertThatCode(() -> strict.stream(new StreamSpec(1, 50, 5, 2, true, -1, -1))).doesNotThrowAnyException();
    }

    @Test
    void a_fifo_batch_over_10_or_with_a_window_is_refused() {
        assertThatThrownBy(() -> requirements.fifoBatch(11, 0))
                .hasMessage("queue.batchSize: AWS requires 1 to 10 for a FIFO queue, got 11");
        assertThatThrownBy(() -> requirements.fifoBatch(10, 1))
                .hasMessage("queue.batchWindowSeconds: AWS supports no batching window on a FIFO queue; use 0, got 1");
        assertThatCode(() -> requirements.fifoBatch(10, 0)).doesNotThrowAnyException();
    }

    @Test
    void maximum_concurrency_is_allowed_on_the_fifo_queues_mapping_and_refused_without_a_queue() {
        assertThatCode(() -> requirements.maximumConcurrency(5, Pipeline.SNS_FIFO_SQS_FIFO_LAMBDA)).doesNotThrowAnyException();
        assertThatThrownBy(() -> requirements.maximumConcurrency(5, Pipeline.API_KINESIS_LAMBDA))
                .hasMessageStartingWith("consumer.maximumConcurrency: caps an SQS event source mapping, which the api-kinesis-lambda");
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
