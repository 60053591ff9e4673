package io.streamlimit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfiles;
import io.streamlimit.sim.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            name: test
            events:     { total: 1000 }
            pipeline:   sns-sqs-lambda
            queue:      { visibilityTimeoutSeconds: 120 }
            consumer:   { reservedConcurrency: 1 }
            downstream: { ratePerSecond: 1, callMillis: 1000 }
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "test.yaml");
    }

    private static ScenarioException failure(String yaml) {
        try {
            parse(yaml);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("expected a ScenarioException for:\n" + yaml);
    }

    @Test
    void every_scenario_file_in_the_repository_loads() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Scenarios.directory())) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains(
                "01-no-limits.yaml", "02-sns-rc1.yaml", "03-sqs-rc1-low-visibility.yaml",
                "04-sqs-rc1-high-visibility.yaml", "05-sqs-rc5-high-visibility.yaml", "recommended.yaml");
        for (Path file : files) {
            Scenario scenario = ScenarioLoader.load(file);
            assertThat(scenario.description()).as(file.toString()).isNotBlank();
            // 1,000 events, but for the 50,000-message spike of provisioned pollers and its twin.
            assertThat(scenario.events().total()).as(file.toString())
                    .isEqualTo(file.getFileName().toString().matches("sqs-(provisioned-pollers|on-demand-spike)\\.yaml")
                            ? 50_000 : 1000);
        }
    }

    @Test
    void the_five_experiments_have_the_settings_of_the_original_stacks() {
        Scenario low = Scenarios.load("03-sqs-rc1-low-visibility.yaml");
        assertThat(low.pipeline()).isEqualTo(Pipeline.SNS_SQS_LAMBDA);
        assertThat(low.queue()).isEqualTo(new QueueSpec(10, 5, 1, 0));
        assertThat(low.consumer()).isEqualTo(new ConsumerSpec(1, null, 10, 512));
        assertThat(Scenarios.load("04-sqs-rc1-high-visibility.yaml").queue().visibilityTimeoutSeconds()).isEqualTo(1200);
        Scenario five = Scenarios.load("05-sqs-rc5-high-visibility.yaml");
        assertThat(five.consumer().reservedConcurrency()).isEqualTo(5);
        assertThat(five.consumer().timeoutSeconds()).isEqualTo(60);
        assertThat(five.downstream()).isEqualTo(new DownstreamSpec(5, 1000, false));
        assertThat(Scenarios.load("01-no-limits.yaml").consumer().reservedConcurrency()).isNull();
        assertThat(Scenarios.load("02-sns-rc1.yaml").queue()).isNull();
        assertThat(Scenarios.load("02-sns-rc1.yaml").events().publishConcurrency()).isEqualTo(50);
    }

    @Test
    void omitted_keys_take_the_documented_defaults() {
        Scenario scenario = parse("""
                name: defaults
                events: { total: 10 }
                pipeline: sns-sqs-lambda
                downstream: { ratePerSecond: 1, callMillis: 1000 }
                """);
        assertThat(scenario.description()).isEmpty();
        assertThat(scenario.events()).isEqualTo(new EventsSpec(10, ArrivalPattern.BURST, 200, null, null, null, 50));
        assertThat(scenario.queue()).isEqualTo(new QueueSpec(30, 5, 1, 0));
        assertThat(scenario.consumer()).isEqualTo(new ConsumerSpec(null, null, 10, 512));
        assertThat(scenario.downstream().enforce()).isFalse();
    }

    @Test
    void an_unknown_key_is_an_error_naming_its_path_and_the_allowed_keys() {
        ScenarioException e = failure(VALID.replace("visibilityTimeoutSeconds: 120", "visibilityTimeout: 120"));
        assertThat(e.key()).isEqualTo("queue.visibilityTimeout");
        assertThat(e).hasMessageStartingWith("test.yaml: queue.visibilityTimeout: unknown key")
                .hasMessageContaining("visibilityTimeoutSeconds");
        assertThat(failure(VALID + "retries: 3\n").key()).isEqualTo("retries");
    }

    @Test
    void a_visibility_timeout_over_12_hours_names_the_key_and_the_range() {
        assertThat(failure(VALID.replace("visibilityTimeoutSeconds: 120", "visibilityTimeoutSeconds: 50000")))
                .hasMessage("test.yaml: queue.visibilityTimeoutSeconds: must be 0 to 43200, got 50000");
    }

    @Test
    void a_batch_size_over_10_without_a_batching_window_is_an_error() {
        assertThat(failure(VALID.replace("{ visibilityTimeoutSeconds: 120 }",
                "{ visibilityTimeoutSeconds: 120, batchSize: 11 }")))
                .hasMessage("test.yaml: queue.batchSize: must be 1 to 10, got 11");
        Scenario windowed = parse(VALID.replace("{ visibilityTimeoutSeconds: 120 }",
                "{ visibilityTimeoutSeconds: 120, batchSize: 100, batchWindowSeconds: 5 }"));
        assertThat(windowed.queue().batchSize()).isEqualTo(100);
    }

    @Test
    void maximum_concurrency_must_be_2_to_1000() {
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "maximumConcurrency: 1")))
                .hasMessage("test.yaml: consumer.maximumConcurrency: must be 2 to 1000, got 1");
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "maximumConcurrency: 1001")).key())
                .isEqualTo("consumer.maximumConcurrency");
    }

    @Test
    void reserved_concurrency_below_0_or_above_the_unreserved_pool_is_an_error() {
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "reservedConcurrency: -1")))
                .hasMessage("test.yaml: consumer.reservedConcurrency: must be 0 to 900, got -1");
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "reservedConcurrency: 901")).key())
                .isEqualTo("consumer.reservedConcurrency");
    }

    @Test
    void function_errors_and_timeouts_are_optional_shares_from_0_to_1() {
        assertThat(parse(VALID).consumer().errorRate()).isZero();
        assertThat(parse(VALID).consumer().timeoutRate()).isZero();
        assertThat(parse(VALID.replace("reservedConcurrency: 1", "reservedConcurrency: 1, errorRate: 0.05, timeoutRate: 0.01"))
                .consumer()).isEqualTo(new ConsumerSpec(1, null, 10, 512, 0, 0.05, 0.01));

        assertThat(failure(VALID.replace("reservedConcurrency: 1", "errorRate: 5")))
                .hasMessage("test.yaml: consumer.errorRate: must be a share from 0 to 1 (0.05 is 5 %), got 5.0");
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "timeoutRate: -0.1")))
                .hasMessage("test.yaml: consumer.timeoutRate: must be a share from 0 to 1 (0.05 is 5 %), got -0.1");
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "errorRate: often")))
                .hasMessage("test.yaml: consumer.errorRate: must be a number, got often");
    }

    @Test
    void provisioned_concurrency_is_optional_and_at_most_the_reserved_concurrency() {
        assertThat(parse(VALID).consumer().provisionedConcurrency()).isZero();
        assertThat(parse(VALID.replace("reservedConcurrency: 1", "reservedConcurrency: 5, provisionedConcurrency: 5"))
                .consumer()).isEqualTo(new ConsumerSpec(5, null, 10, 512, 5));
        assertThat(Scenarios.load("recommended.yaml").consumer().provisionedConcurrency()).isEqualTo(5);

        assertThat(failure(VALID.replace("reservedConcurrency: 1", "reservedConcurrency: 1, provisionedConcurrency: 2")))
                .hasMessage("test.yaml: consumer.provisionedConcurrency: must be 0 to 1 (at most"
                        + " consumer.reservedConcurrency, 1), got 2");
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "provisionedConcurrency: -1")))
                .hasMessage("test.yaml: consumer.provisionedConcurrency: must be 0 to 900 (the account's unreserved"
                        + " concurrency), got -1");
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "provisionedConcurrency: 901")).key())
                .isEqualTo("consumer.provisionedConcurrency");
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "provisionedConcurrency: many")).key())
                .isEqualTo("consumer.provisionedConcurrency");
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "provisionedConcurency: 1")))
                .hasMessageStartingWith("test.yaml: consumer.provisionedConcurency: unknown key")
                .hasMessageContaining("provisionedConcurrency");
        assertThatThrownBy(() -> new ConsumerSpec(0, null, 10, 512, 1))
                .hasMessageStartingWith("consumer.provisionedConcurrency: must be 0 to 0");
    }

    @Test
    void snapstart_is_optional_true_or_false_and_refused_with_provisioned_concurrency() {
        assertThat(parse(VALID).consumer().snapStart()).isFalse();
        assertThat(parse(VALID.replace("reservedConcurrency: 1", "reservedConcurrency: 1, snapStart: true"))
                .consumer().snapStart()).isTrue();
        assertThat(Scenarios.load("sqs-snapstart.yaml").consumer().snapStart()).isTrue();

        ScenarioException both = failure(VALID.replace("reservedConcurrency: 1",
                "reservedConcurrency: 5, provisionedConcurrency: 2, snapStart: true"));
        assertThat(both.key()).isEqualTo("consumer.snapStart");
        assertThat(both).hasMessage("test.yaml: consumer.snapStart: cannot be combined with"
                + " consumer.provisionedConcurrency (2): AWS does not support SnapStart with provisioned concurrency;"
                + " remove one of them");
        assertThat(failure(VALID.replace("reservedConcurrency: 1", "snapStart: yes please")))
                .hasMessage("test.yaml: consumer.snapStart: must be true or false, got \"yes please\"");
        assertThatThrownBy(() -> new ConsumerSpec(5, null, 10, 512, 1).withSnapStart(true))
                .hasMessageStartingWith("consumer.snapStart: cannot be combined with consumer.provisionedConcurrency (1)");
    }

    @Test
    void snapstart_is_refused_under_the_2020_profile_which_has_none() {
        String snap = VALID.replace("reservedConcurrency: 1", "reservedConcurrency: 1, snapStart: true");
        ScenarioException e = failure("awsProfile: \"2020\"\n" + snap);
        assertThat(e.key()).isEqualTo("consumer.snapStart");
        assertThat(e).hasMessage("test.yaml: consumer.snapStart: not available under this AWS profile"
                + " (SnapStart came in November 2022); remove it or use the current profile");
        assertThatThrownBy(() -> ScenarioLoader.parse(snap, "test.yaml", AwsProfiles.named("2020")))
                .hasMessageStartingWith("test.yaml: consumer.snapStart: not available");
        assertThat(parse("awsProfile: \"2020\"\n" + VALID).consumer().snapStart()).isFalse();
    }

    @Test
    void max_receive_count_and_batching_window_have_the_aws_ranges() {
        assertThat(failure(VALID.replace("{ visibilityTimeoutSeconds: 120 }",
                "{ visibilityTimeoutSeconds: 120, maxReceiveCount: 0 }")))
                .hasMessageEndingWith("queue.maxReceiveCount: must be 1 to 1000, got 0");
        assertThat(failure(VALID.replace("{ visibilityTimeoutSeconds: 120 }",
                "{ visibilityTimeoutSeconds: 120, batchWindowSeconds: 301 }")))
                .hasMessageEndingWith("queue.batchWindowSeconds: must be 0 to 300, got 301");
    }

    @Test
    void a_visibility_timeout_shorter_than_the_function_timeout_is_refused_as_aws_does() {
        ScenarioException e = failure(VALID.replace("reservedConcurrency: 1", "timeoutSeconds: 300"));
        assertThat(e.key()).isEqualTo("queue.visibilityTimeoutSeconds");
        assertThat(e).hasMessageContaining("at least consumer.timeoutSeconds (300)");
    }

    @Test
    void a_queue_or_maximum_concurrency_with_sns_lambda_is_an_error() {
        String snsLambda = VALID.replace("sns-sqs-lambda", "sns-lambda");
        assertThat(failure(snsLambda).key()).isEqualTo("queue");
        String noQueue = snsLambda.replace("queue:      { visibilityTimeoutSeconds: 120 }\n", "");
        assertThat(parse(noQueue).queue()).isNull();
        assertThat(failure(noQueue.replace("reservedConcurrency: 1", "maximumConcurrency: 5")).key())
                .isEqualTo("consumer.maximumConcurrency");
    }

    @Test
    void an_unknown_pipeline_or_pattern_lists_the_choices() {
        assertThat(failure(VALID.replace("sns-sqs-lambda", "kinesis")))
                .hasMessage("test.yaml: pipeline: must be one of sns-sqs-lambda, sns-lambda, api-kinesis-lambda, sns-fifo-sqs-fifo-lambda, got kinesis");
        assertThat(failure(VALID.replace("{ total: 1000 }", "{ total: 1000, pattern: wave }")).key())
                .isEqualTo("events.pattern");
    }

    @Test
    void the_rate_pattern_needs_a_rate_and_other_patterns_refuse_one() {
        assertThat(failure(VALID.replace("{ total: 1000 }", "{ total: 1000, pattern: rate }")))
                .hasMessage("test.yaml: events.ratePerSecond: is required");
        assertThat(parse(VALID.replace("{ total: 1000 }", "{ total: 1000, pattern: rate, ratePerSecond: 50 }"))
                .events().ratePerSecond()).isEqualTo(50);
        assertThat(failure(VALID.replace("{ total: 1000 }", "{ total: 1000, ratePerSecond: 50 }")).key())
                .isEqualTo("events.ratePerSecond");
    }

    @Test
    void a_value_of_the_wrong_type_names_the_key() {
        assertThat(failure(VALID.replace("total: 1000", "total: lots")))
                .hasMessage("test.yaml: events.total: must be a whole number, got \"lots\"");
        assertThat(failure(VALID.replace("callMillis: 1000", "callMillis: 1.5")).key())
                .isEqualTo("downstream.callMillis");
        assertThat(failure(VALID.replace("callMillis: 1000", "callMillis: 1000, enforce: maybe")).key())
                .isEqualTo("downstream.enforce");
        assertThat(failure(VALID.replace("{ total: 1000 }", "1000")))
                .hasMessageStartingWith("test.yaml: events: must be a mapping");
    }

    @Test
    void required_keys_are_named_when_missing() {
        assertThat(failure(VALID.replace("name: test\n", ""))).hasMessage("test.yaml: name: is required");
        assertThat(failure(VALID.replace("downstream: { ratePerSecond: 1, callMillis: 1000 }\n", "")).key())
                .isEqualTo("downstream");
        assertThat(failure(VALID.replace("ratePerSecond: 1, ", "")).key()).isEqualTo("downstream.ratePerSecond");
    }

    @Test
    void text_that_is_not_yaml_or_is_empty_names_the_file() {
        // One line, file:line:column: problem, as compilers print it
        assertThatThrownBy(() -> parse("name: [unclosed")).isInstanceOf(ScenarioException.class)
                .hasMessage("test.yaml:1:16: not valid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence)");
        assertThatThrownBy(() -> parse("")).hasMessage("test.yaml: is empty");
        int lines = (int) VALID.lines().count();
        assertThatThrownBy(() -> parse(VALID + "name: again\n")).hasMessageStartingWith("test.yaml:" + (lines + 1) + ":")
                .hasMessageContaining("not valid YAML: Duplicate field 'name'").hasMessageNotContaining("\n");
    }

    @Test
    void a_bad_name_is_refused() {
        assertThat(failure(VALID.replace("name: test", "name: \"has spaces\"")).key()).isEqualTo("name");
    }

    @Test
    void records_built_in_code_validate_themselves_too() {
        assertThatThrownBy(() -> new QueueSpec(43_201, 5, 1, 0))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("queue.visibilityTimeoutSeconds: must be 0 to 43200, got 43201");
        assertThatThrownBy(() -> new DownstreamSpec(0, 1000, false))
                .hasMessage("downstream.ratePerSecond: must be 1 to 1000000, got 0");
        assertThatThrownBy(() -> EventsSpec.burst(0)).hasMessage("events.total: must be 1 to 10000000, got 0");
    }

    @Test
    void a_scenario_may_name_its_aws_profile() {
        Scenario scenario = parse("awsProfile: \"2020\"\n" + VALID);
        assertThat(scenario.awsProfile()).isEqualTo("2020");
        assertThat(parse("awsProfile: 2020\n" + VALID).awsProfile()).isEqualTo("2020");
        assertThat(parse(VALID).awsProfile()).isNull();

        ScenarioException e = failure("awsProfile: \"2019\"\n" + VALID);
        assertThat(e.key()).isEqualTo("awsProfile");
        assertThat(e).hasMessage("test.yaml: awsProfile: unknown AWS profile \"2019\": not a profile (current, 2020)"
                + " and no such file");
    }

    @Test
    void values_are_checked_under_the_behaviour_the_scenario_runs_under() {
        String large = VALID.replace("reservedConcurrency: 1", "reservedConcurrency: 2000");
        assertThat(failure(large)).hasMessage("test.yaml: consumer.reservedConcurrency: must be 0 to 900, got 2000");
        AwsBehaviour raisedQuota = AwsBehaviour.current().toBuilder().accountConcurrency(3_000).build();
        assertThat(ScenarioLoader.parse(large, "test.yaml", raisedQuota).consumer().reservedConcurrency()).isEqualTo(2000);

        AwsBehaviour fewerReceives = AwsBehaviour.current().toBuilder().maxMaxReceiveCount(10).build();
        String twenty = VALID.replace("{ visibilityTimeoutSeconds: 120 }", "{ visibilityTimeoutSeconds: 120, maxReceiveCount: 20 }");
        assertThat(parse(twenty).queue().maxReceiveCount()).isEqualTo(20);
        assertThatThrownBy(() -> ScenarioLoader.parse(twenty, "test.yaml", fewerReceives))
                .hasMessage("test.yaml: queue.maxReceiveCount: must be 1 to 10, got 20");
        assertThatThrownBy(() -> parse(twenty).validate(fewerReceives))
                .hasMessage("queue.maxReceiveCount: must be 1 to 10, got 20");
    }

    @Test
    void a_profile_file_is_found_next_to_the_scenario_file() throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/big-account.yaml"), "accountConcurrency: 3000\n");
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, "awsProfile: profiles/big-account.yaml\n"
                + VALID.replace("reservedConcurrency: 1", "reservedConcurrency: 2000"));

        Scenario scenario = ScenarioLoader.load(file);

        assertThat(scenario.consumer().reservedConcurrency()).isEqualTo(2000);
        assertThat(ScenarioLoader.behaviourOf(scenario, file).accountConcurrency()).isEqualTo(3_000);
        assertThatThrownBy(() -> ScenarioLoader.load(file, AwsBehaviour.current()))
                .hasMessage(file + ": consumer.reservedConcurrency: must be 0 to 900, got 2000");
    }

    @Test
    void a_missing_file_is_reported_with_its_path() {
        assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no/such/file.yaml")))
                .hasMessageContaining("no/such/file.yaml");
    }
}
