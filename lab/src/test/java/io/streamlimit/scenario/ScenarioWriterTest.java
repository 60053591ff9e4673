package io.streamlimit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.sim.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioWriterTest {

    @Test
    void yaml_written_for_every_scenario_file_reads_back_equal() throws Exception {
        try (Stream<Path> files = Files.list(Scenarios.directory())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Scenario scenario = ScenarioLoader.load(file);
                assertThat(ScenarioLoader.parse(ScenarioWriter.toYaml(scenario), "written"))
                        .as(file.toString()).isEqualTo(scenario);
            }
        }
    }

    @Test
    void provisioned_concurrency_is_written_when_set_and_reads_back() {
        Scenario recommended = Scenarios.load("recommended.yaml");
        String yaml = ScenarioWriter.toYaml(recommended);

        assertThat(yaml).contains("provisionedConcurrency: 5");
        assertThat(ScenarioLoader.parse(yaml, "written").consumer().provisionedConcurrency()).isEqualTo(5);
        assertThat(ScenarioWriter.toJson(recommended)).contains("\"provisionedConcurrency\":5");
    }

    @Test
    void snapstart_is_written_when_set_and_reads_back() {
        Scenario snap = Scenarios.load("sqs-snapstart.yaml");
        assertThat(snap.consumer().snapStart()).isTrue();

        String yaml = ScenarioWriter.toYaml(snap);
        assertThat(yaml).contains("snapStart: true");
        assertThat(ScenarioLoader.parse(yaml, "written")).isEqualTo(snap);
        assertThat(ScenarioWriter.toJson(snap)).contains("\"snapStart\":true");
        Scenario off = snap.withConsumer(snap.consumer().withSnapStart(false));
        assertThat(ScenarioWriter.toYaml(off)).contains("consumer: { reservedConcurrency: 100, maximumConcurrency: 100, timeoutSeconds: 10, memoryMb: 512 }\n");
    }

    @Test
    void function_errors_are_written_when_set_and_read_back() {
        Scenario five = Scenarios.load("05-sqs-rc5-high-visibility.yaml");
        Scenario failing = new Scenario(five.name(), five.description(), five.events(), five.pipeline(), five.queue(),
                five.consumer().withFaults(0.05, 0.01), five.downstream(), five.awsProfile());

        String yaml = ScenarioWriter.toYaml(failing);
        assertThat(yaml).contains("errorRate: 0.05").contains("timeoutRate: 0.01");
        assertThat(ScenarioLoader.parse(yaml, "written").consumer()).isEqualTo(failing.consumer());
        assertThat(ScenarioWriter.toYaml(five)).doesNotContain("errorRate").doesNotContain("timeoutRate");
    }

    @Test
    void a_scenario_without_provisioned_concurrency_is_written_as_before_the_key_existed() {
        Scenario five = Scenarios.load("05-sqs-rc5-high-visibility.yaml");

        assertThat(ScenarioWriter.toYaml(five)).doesNotContain("provisioned")
                .contains("consumer: { reservedConcurrency: 5, maximumConcurrency: null, timeoutSeconds: 60, memoryMb: 512 }\n");
        assertThat(ScenarioWriter.toJson(five)).doesNotContain("provisioned")
                .contains("\"consumer\":{\"reservedConcurrency\":5,\"maximumConcurrency\":null,\"timeoutSeconds\":60,"
                        + "\"memoryMb\":512}");
    }

    @Test
    void the_aws_profile_is_written_when_set_and_reads_back() {
        Scenario five = Scenarios.load("05-sqs-rc5-high-visibility.yaml").withAwsProfile(null);
        Scenario under2020 = five.withAwsProfile("2020");
        String yaml = ScenarioWriter.toYaml(under2020);

        assertThat(yaml).contains("\nawsProfile: \"2020\"\n");
        assertThat(ScenarioLoader.parse(yaml, "written")).isEqualTo(under2020);
        assertThat(ScenarioWriter.toJson(under2020)).contains("\"awsProfile\":\"2020\"");
        assertThat(ScenarioWriter.toYaml(five)).doesNotContain("awsProfile");
        assertThat(ScenarioWriter.toJson(five)).doesNotContain("awsProfile");
    }

    @Test
    void yaml_quotes_text_that_yaml_would_read_otherwise() {
        Scenario scenario = Scenarios.load("recommended.yaml")
                .renamed("yes", "a: description # with \"quotes\"\nand a second line");
        String yaml = ScenarioWriter.toYaml(scenario);
        assertThat(yaml).contains("name: \"yes\"");
        assertThat(ScenarioLoader.parse(yaml, "written")).isEqualTo(scenario);
    }

    @Test
    void json_has_the_scenario_file_keys_with_defaults_spelled_out() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ScenarioWriter.toJson(Scenarios.load("04-sqs-rc1-high-visibility.yaml")));
        assertThat(json.get("pipeline").asText()).isEqualTo("sns-sqs-lambda");
        assertThat(json.at("/queue/visibilityTimeoutSeconds").asInt()).isEqualTo(1200);
        assertThat(json.at("/consumer/maximumConcurrency").isNull()).isTrue();
        assertThat(json.at("/events/publishConcurrency").asInt()).isEqualTo(50);
        assertThat(json.at("/downstream/enforce").asBoolean()).isFalse();
    }
}
