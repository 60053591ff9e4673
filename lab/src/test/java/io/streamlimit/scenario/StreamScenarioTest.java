package io.streamlimit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code api-kinesis-lambda} pipeline's {@code stream:} block: AWS's ranges and defaults, read and written. */
class StreamScenarioTest {

    private static final String KINESIS = """
            name: kinesis
            events:     { total: 1000 }
            pipeline:   api-kinesis-lambda
            consumer:   { reservedConcurrency: 2 }
            downstream: { ratePerSecond: 50, callMillis: 100 }
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "test.yaml");
    }

    private static String withStream(String block) {
        return KINESIS + "stream: " + block + "\n";
    }

    @Test
    void an_omitted_stream_block_takes_aws_defaults_and_one_shard() {
        StreamSpec stream = parse(KINESIS).stream();

        assertThat(stream).isEqualTo(new StreamSpec(1, 100, 0, 1, false, -1, -1)).isEqualTo(StreamSpec.defaults());
        assertThat(stream.retriesLimited()).isFalse();
        assertThat(stream.recordAgeLimited()).isFalse();
        assertThat(parse(KINESIS).queue()).isNull();
    }

    @Test
    void every_key_is_read() {
        Scenario scenario = parse(withStream("{ shards: 4, batchSize: 500, batchWindowSeconds: 2,"
                + " parallelizationFactor: 10, bisectOnError: true, maxRetryAttempts: 3, maxRecordAgeSeconds: 60 }"));

        assertThat(scenario.stream()).isEqualTo(new StreamSpec(4, 500, 2, 10, true, 3, 60));
        assertThat(scenario.pipeline()).isEqualTo(Pipeline.API_KINESIS_LAMBDA);
        assertThat(scenario.pipeline().throughSns()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{ shards: 0 }                     | test.yaml: stream.shards: must be 1 to 20000, got 0",
        "{ shards: 20001 }                 | test.yaml: stream.shards: must be 1 to 20000, got 20001",
        "{ batchSize: 0 }                  | test.yaml: stream.batchSize: must be 1 to 10000, got 0",
        "{ batchSize: 10001 }              | test.yaml: stream.batchSize: must be 1 to 10000, got 10001",
        "{ batchWindowSeconds: 301 }       | test.yaml: stream.batchWindowSeconds: must be 0 to 300, got 301",
        "{ batchWindowSeconds: -1 }        | test.yaml: stream.batchWindowSeconds: must be 0 to 300, got -1",
        "{ parallelizationFactor: 0 }      | test.yaml: stream.parallelizationFactor: must be 1 to 10, got 0",
        "{ parallelizationFactor: 11 }     | test.yaml: stream.parallelizationFactor: must be 1 to 10, got 11",
        "{ maxRetryAttempts: -2 }          | test.yaml: stream.maxRetryAttempts: must be -1 (infinite) or 0 to 10000, got -2",
        "{ maxRetryAttempts: 10001 }       | test.yaml: stream.maxRetryAttempts: must be -1 (infinite) or 0 to 10000, got 10001",
        "{ maxRecordAgeSeconds: 59 }       | test.yaml: stream.maxRecordAgeSeconds: must be -1 (infinite) or 60 to 604800, got 59",
        "{ maxRecordAgeSeconds: 0 }        | test.yaml: stream.maxRecordAgeSeconds: must be -1 (infinite) or 60 to 604800, got 0",
        "{ maxRecordAgeSeconds: 604801 }   | test.yaml: stream.maxRecordAgeSeconds: must be -1 (infinite) or 60 to 604800, got 604801",
        "{ bisectOnError: 1 }              | test.yaml: stream.bisectOnError: must be true or false, got 1",
        "{ shardCount: 2 }                 | test.yaml: stream.shardCount: unknown key; allowed here: shards, batchSize, batchWindowSeconds, parallelizationFactor, bisectOnError, maxRetryAttempts, maxRecordAgeSeconds",
    })
    void a_value_aws_refuses_is_one_line_naming_the_key(String block, String message) {
        assertThatThrownBy(() -> parse(withStream(block))).isInstanceOf(ScenarioException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{ maxRetryAttempts: -1, maxRecordAgeSeconds: -1 }",
        "{ maxRetryAttempts: 0, maxRecordAgeSeconds: 60 }",
        "{ maxRetryAttempts: 10000, maxRecordAgeSeconds: 604800 }",
        "{ shards: 20000, batchSize: 10000, batchWindowSeconds: 300, parallelizationFactor: 10 }",
        "{ shards: 1, batchSize: 1, batchWindowSeconds: 0, parallelizationFactor: 1 }",
    })
    void the_ends_of_each_range_are_accepted(String block) {
        assertThat(parse(withStream(block)).stream()).isNotNull();
    }

    @Test
    void a_stream_or_queue_in_the_wrong_pipeline_is_refused() {
        String sqs = KINESIS.replace("api-kinesis-lambda", "sns-sqs-lambda");
        assertThatThrownBy(() -> parse(sqs + "stream: { shards: 2 }\n"))
                .hasMessage("test.yaml: stream: not allowed for pipeline sns-sqs-lambda (it has no Kinesis stream);"
                        + " remove it or use api-kinesis-lambda");
        assertThatThrownBy(() -> parse(KINESIS + "queue: { batchSize: 2 }\n"))
                .hasMessage("test.yaml: queue: not allowed for pipeline api-kinesis-lambda (it has no queue);"
                        + " remove it or use sns-sqs-lambda");
        assertThatThrownBy(() -> parse(KINESIS.replace("reservedConcurrency: 2", "maximumConcurrency: 5")))
                .hasMessageContaining("consumer.maximumConcurrency: not allowed for pipeline api-kinesis-lambda");
    }

    @Test
    void records_built_in_code_check_the_pipeline_and_the_ranges() {
        ConsumerSpec consumer = new ConsumerSpec(2, null, 10, 512);
        DownstreamSpec downstream = new DownstreamSpec(50, 100, false);
        assertThatThrownBy(() -> new Scenario("k", "", EventsSpec.burst(10), Pipeline.API_KINESIS_LAMBDA, null,
                consumer, downstream)).hasMessage("stream: is required");
        assertThatThrownBy(() -> new Scenario("k", "", EventsSpec.burst(10), Pipeline.SNS_LAMBDA, null,
                consumer, downstream, null, StreamSpec.defaults()))
                .hasMessageStartingWith("stream: not allowed for pipeline sns-lambda");
        assertThatThrownBy(() -> StreamSpec.defaults().withParallelizationFactor(11))
                .hasMessage("stream.parallelizationFactor: must be 1 to 10, got 11");
        Scenario built = new Scenario("k", "", EventsSpec.burst(10), Pipeline.API_KINESIS_LAMBDA, null,
                consumer, downstream, null, StreamSpec.defaults().withShards(3));
        assertThat(built.withConsumer(consumer.withFaults(0.1, 0)).stream().shards()).isEqualTo(3);
        assertThat(built.withEventsTotal(20).stream().shards()).isEqualTo(3);
        assertThat(built.renamed("other", "").stream().shards()).isEqualTo(3);
        assertThat(built.withAwsProfile("2020").stream().shards()).isEqualTo(3);
    }

    @Test
    void the_ranges_are_the_behaviours_the_scenario_runs_under() {
        AwsBehaviour fewShards = AwsBehaviour.current().toBuilder().maxStreamShards(500).build();
        String yaml = withStream("{ shards: 1000 }");

        assertThat(parse(yaml).stream().shards()).isEqualTo(1000);
        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "test.yaml", fewShards))
                .hasMessage("test.yaml: stream.shards: must be 1 to 500, got 1000");
    }

    @Test
    void the_writer_writes_every_stream_key_and_it_reads_back_equal() {
        Scenario scenario = parse(withStream("{ shards: 4, batchSize: 500, batchWindowSeconds: 2,"
                + " parallelizationFactor: 10, bisectOnError: true, maxRetryAttempts: 3, maxRecordAgeSeconds: 60 }"));

        String yaml = ScenarioWriter.toYaml(scenario);

        assertThat(yaml).contains("stream: { shards: 4, batchSize: 500, batchWindowSeconds: 2, parallelizationFactor: 10,"
                + " bisectOnError: true, maxRetryAttempts: 3, maxRecordAgeSeconds: 60 }\n");
        assertThat(yaml).doesNotContain("queue").doesNotContain("maximumConcurrency");
        assertThat(ScenarioLoader.parse(yaml, "written")).isEqualTo(scenario);
        assertThat(ScenarioWriter.toJson(scenario)).contains("\"stream\":{\"shards\":4,\"batchSize\":500");
        assertThat(ScenarioWriter.toYaml(parse(KINESIS))).contains("stream: { shards: 1, batchSize: 100, batchWindowSeconds: 0,"
                + " parallelizationFactor: 1, bisectOnError: false, maxRetryAttempts: -1, maxRecordAgeSeconds: -1 }");
    }
}
