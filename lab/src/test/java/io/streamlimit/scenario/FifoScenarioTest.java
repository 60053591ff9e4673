package io.streamlimit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The FIFO pipeline's scenario keys: read, defaulted, refused with one line naming the key, written back. */
class FifoScenarioTest {

    private static final String FIFO = """
            name: fifo
            events:     { total: 1000, users: 200 }
            pipeline:   sns-fifo-sqs-fifo-lambda
            queue:      { visibilityTimeoutSeconds: 60, batchSize: 10 }
            consumer:   { maximumConcurrency: 10 }
            downstream: { ratePerSecond: 1000, callMillis: 50 }
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "fifo.yaml");
    }

    @Test
    void the_fifo_pipeline_gets_a_fifo_queue_with_sqs_defaults() {
        Scenario scenario = parse(FIFO);

        assertThat(scenario.pipeline()).isEqualTo(Pipeline.SNS_FIFO_SQS_FIFO_LAMBDA);
        assertThat(scenario.queue().fifo()).isEqualTo(new FifoSpec(DeduplicationScope.QUEUE, FifoThroughputLimit.PER_QUEUE));
        assertThat(scenario.queue().fifo().highThroughput()).isFalse();
        assertThat(scenario.consumer().maximumConcurrency()).isEqualTo(10);
    }

    @Test
    void without_a_queue_block_the_fifo_pipeline_still_gets_a_fifo_queue() {
        Scenario scenario = parse(FIFO.replace("queue:      { visibilityTimeoutSeconds: 60, batchSize: 10 }\n", ""));

        assertThat(scenario.queue()).isEqualTo(QueueSpec.defaults().withFifo(FifoSpec.defaults()));
    }

    @Test
    void high_throughput_is_message_group_deduplication_with_the_limit_per_message_group() {
        Scenario scenario = parse(FIFO.replace("batchSize: 10 }",
                "batchSize: 10, deduplicationScope: messageGroup, fifoThroughputLimit: perMessageGroupId }"));

        assertThat(scenario.queue().fifo())
                .isEqualTo(new FifoSpec(DeduplicationScope.MESSAGE_GROUP, FifoThroughputLimit.PER_MESSAGE_GROUP_ID));
        assertThat(scenario.queue().fifo().highThroughput()).isTrue();
        assertThat(new FifoSpec(DeduplicationScope.MESSAGE_GROUP, FifoThroughputLimit.PER_QUEUE).highThroughput()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "batchSize: 10, deduplicationScope: group | fifo.yaml: queue.deduplicationScope: must be one of queue, messageGroup, got group",
            "batchSize: 10, fifoThroughputLimit: perGroup | fifo.yaml: queue.fifoThroughputLimit: must be one of perQueue, perMessageGroupId, got perGroup",
            "batchSize: 11 | fifo.yaml: queue.batchSize: must be 1 to 10, got 11",
            "batchSize: 10, batchWindowSeconds: 5 | fifo.yaml: queue.batchWindowSeconds: must be 0 for a FIFO queue (AWS supports no batching window on FIFO queues), got 5",
    })
    void a_fifo_key_aws_would_refuse_is_one_line_naming_it(String queueKeys, String message) {
        String yaml = FIFO.replace("batchSize: 10 }", queueKeys + " }");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ScenarioException.class).hasMessage(message)
                .extracting(Throwable::getMessage).asString().doesNotContain("\n");
    }

    @Test
    void the_fifo_keys_are_refused_with_a_standard_queue() {
        String standard = FIFO.replace("sns-fifo-sqs-fifo-lambda", "sns-sqs-lambda")
                .replace("batchSize: 10 }", "batchSize: 10, deduplicationScope: messageGroup }");

        assertThatThrownBy(() -> parse(standard)).hasMessage("fifo.yaml: queue.deduplicationScope: only allowed with"
                + " pipeline sns-fifo-sqs-fifo-lambda (a FIFO queue), got messageGroup");
        assertThatThrownBy(() -> parse(standard.replace("deduplicationScope: messageGroup", "fifoThroughputLimit: perQueue")))
                .hasMessage("fifo.yaml: queue.fifoThroughputLimit: only allowed with pipeline sns-fifo-sqs-fifo-lambda"
                        + " (a FIFO queue), got perQueue");
    }

    @Test
    void a_scenario_built_in_code_must_match_its_queue_to_its_pipeline() {
        Scenario fifo = parse(FIFO);
        QueueSpec standardQueue = fifo.queue().withFifo(null);

        assertThatThrownBy(() -> fifo.withPipeline(Pipeline.SNS_FIFO_SQS_FIFO_LAMBDA, standardQueue))
                .hasMessage("queue: must be a FIFO queue for pipeline sns-fifo-sqs-fifo-lambda (give it a FifoSpec)");
        assertThatThrownBy(() -> fifo.withPipeline(Pipeline.SNS_SQS_LAMBDA, fifo.queue()))
                .hasMessage("queue.deduplicationScope: not allowed for pipeline sns-sqs-lambda (a standard queue);"
                        + " use sns-fifo-sqs-fifo-lambda");
        assertThat(fifo.withPipeline(Pipeline.SNS_SQS_LAMBDA, standardQueue).queue().isFifo()).isFalse();
    }

    @Test
    void the_fifo_batch_limit_comes_from_the_behaviour() {
        AwsBehaviour five = AwsBehaviour.current().toBuilder().maxFifoBatchSize(5).build();

        assertThatThrownBy(() -> ScenarioLoader.parse(FIFO, "fifo.yaml", five))
                .hasMessage("fifo.yaml: queue.batchSize: must be 1 to 5, got 10");
    }

    @Test
    void the_writer_writes_the_fifo_keys_and_they_read_back_equal() {
        Scenario scenario = parse(FIFO.replace("batchSize: 10 }",
                "batchSize: 10, deduplicationScope: messageGroup, fifoThroughputLimit: perMessageGroupId }"));
        String yaml = ScenarioWriter.toYaml(scenario);

        assertThat(yaml).contains("pipeline: sns-fifo-sqs-fifo-lambda\n")
                .contains("deduplicationScope: messageGroup, fifoThroughputLimit: perMessageGroupId");
        assertThat(parse(yaml)).isEqualTo(scenario);
        assertThat(ScenarioWriter.toJson(scenario)).contains("\"deduplicationScope\":\"messageGroup\"");
        assertThat(ScenarioWriter.toYaml(parse(FIFO.replace("sns-fifo-sqs-fifo-lambda", "sns-sqs-lambda"))))
                .doesNotContain("deduplicationScope");
    }
}
