package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two synths of one scenario give the same bytes, so `cdk diff` is clean and the REST API's
 * Deployment keeps its logical id. Within one JVM that is equality; across JVMs it needs every
 * map the template is built from to be ordered independently of hashing, asserted as sorted keys.
 */
class ScenarioStackDeterminismTest {

    @TempDir
    Path temp;

    static Stream<Path> scenarios() {
        return Stream.of("recommended.yaml", "02-sns-rc1.yaml").map(SynthesizedScenarios.SCENARIOS::resolve);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void two_synths_of_one_scenario_are_byte_identical(Path file) throws IOException {
        Path first = SynthesizedTemplate.synthesize(file, temp.resolve("first"));
        Path second = SynthesizedTemplate.synthesize(file, temp.resolve("second"));

        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void function_environments_and_the_event_schema_have_sorted_keys(Path file) {
        JsonNode resources = SynthesizedTemplate.read(SynthesizedTemplate.synthesize(file, temp)).get("Resources");
        List<List<String>> environments = new ArrayList<>();
        List<String> schemaProperties = new ArrayList<>();
        for (JsonNode resource : resources) {
            String type = resource.get("Type").asText();
            if (type.equals("AWS::Lambda::Function")) {
                environments.add(keys(resource.at("/Properties/Environment/Variables")));
            } else if (type.equals("AWS::ApiGateway::Model")) {
                schemaProperties.addAll(keys(resource.at("/Properties/Schema/properties")));
            }
        }

        assertThat(environments).hasSize(4).allSatisfy(keys -> assertThat(keys).isNotEmpty().isSorted());
        assertThat(schemaProperties).containsExactly("at", "streamId", "type", "uid");
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
