package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

/** What `cdk synth -c scenario=...` does with the context it is given. */
class StreamlimitAppTest {

    private static final Path CDK_DIR = SynthesizedScenarios.REPOSITORY_ROOT.resolve("cdk");

    @TempDir
    Path temp;

    @Test
    void maximum_concurrency_1_fails_synthesis_naming_the_key() throws IOException {
        Path file = scenarioFile("consumer:   { reservedConcurrency: 1, maximumConcurrency: 1, timeoutSeconds: 10, memoryMb: 512 }",
                "queue:      { visibilityTimeoutSeconds: 60, maxReceiveCount: 5, batchSize: 1, batchWindowSeconds: 0 }");

        assertThatThrownBy(() -> StreamlimitApp.build(appWith(Map.of("scenario", file.toString())), CDK_DIR))
                .hasMessageContaining("consumer.maximumConcurrency")
                .hasMessageContaining("2 to 1000, got 1");
    }

    @Test
    void visibility_timeout_under_the_function_timeout_fails_synthesis_naming_the_key() throws IOException {
        Path file = scenarioFile("consumer:   { reservedConcurrency: 1, timeoutSeconds: 30, memoryMb: 512 }",
                "queue:      { visibilityTimeoutSeconds: 20, maxReceiveCount: 5, batchSize: 1, batchWindowSeconds: 0 }");

        assertThatThrownBy(() -> StreamlimitApp.build(appWith(Map.of("scenario", file.toString())), CDK_DIR))
                .hasMessageContaining("queue.visibilityTimeoutSeconds")
                .hasMessageContaining("consumer.timeoutSeconds");
    }

    @Test
    void a_missing_scenario_context_says_how_to_give_one() {
        assertThatThrownBy(() -> StreamlimitApp.build(appWith(Map.of()), CDK_DIR))
                .isInstanceOf(AppConfigurationException.class)
                .hasMessageContaining("-c scenario=../scenarios/recommended.yaml");
    }

    @Test
    void an_unknown_scenario_file_is_named() {
        assertThatThrownBy(() -> StreamlimitApp.build(appWith(Map.of("scenario", "../scenarios/nope.yaml")), CDK_DIR))
                .isInstanceOf(AppConfigurationException.class)
                .hasMessageContaining("context scenario: no file ../scenarios/nope.yaml");
    }

    @Test
    void scenario_paths_resolve_from_cdk_or_from_the_repository_root() {
        Path expected = SynthesizedScenarios.SCENARIOS.resolve("recommended.yaml").toAbsolutePath().normalize();
        Path root = SynthesizedScenarios.REPOSITORY_ROOT;
        assertThat(ScenarioFiles.resolve("../scenarios/recommended.yaml", CDK_DIR, root)).isEqualTo(expected);
        assertThat(ScenarioFiles.resolve("scenarios/recommended.yaml", CDK_DIR, root)).isEqualTo(expected);
        assertThat(ScenarioFiles.resolve("scenarios/recommended.yaml", root, root)).isEqualTo(expected);
    }

    @Test
    void the_stack_is_named_after_the_scenario_and_reads_the_other_context_values() {
        App app = appWith(Map.of("scenario", "../scenarios/recommended.yaml",
                "resultsSecretName", "lab/results", "streamLimit", "5", "leaseSeconds", "600"));

        ScenarioStack stack = StreamlimitApp.build(app, CDK_DIR);

        assertThat(stack.getStackName()).isEqualTo("streamlimit-recommended");
        assertThat(AppContext.read(app.getNode(), CDK_DIR))
                .extracting(ScenarioStackProps::resultsSecretName, ScenarioStackProps::streamLimit, ScenarioStackProps::leaseSeconds)
                .containsExactly("lab/results", 5, 600L);
    }

    @Test
    void a_context_number_that_is_not_a_number_is_named() {
        App app = appWith(Map.of("scenario", "../scenarios/recommended.yaml", "streamLimit", "three"));

        assertThatThrownBy(() -> AppContext.read(app.getNode(), CDK_DIR))
                .hasMessage("context streamLimit: must be a whole number, got three");
    }

    @Test
    void a_functions_jar_named_in_the_context_must_exist() {
        App app = appWith(Map.of("scenario", "../scenarios/recommended.yaml", "functionsJar", temp.resolve("x.jar").toString()));

        assertThatThrownBy(() -> AppContext.read(app.getNode(), CDK_DIR))
                .isInstanceOf(MissingFunctionsJarException.class)
                .hasMessageContaining("./mvnw -pl functions package");
    }

    private static App appWith(Map<String, Object> context) {
        return App.Builder.create().context(context).build();
    }

    private Path scenarioFile(String consumer, String queue) throws IOException {
        Path file = temp.resolve("bad.yaml");
        Files.writeString(file, String.join("\n",
                "name: bad",
                "events:     { total: 10, pattern: burst, users: 2 }",
                "pipeline:   sns-sqs-lambda",
                queue,
                consumer,
                "downstream: { ratePerSecond: 1, callMillis: 1000 }",
                ""));
        return file;
    }
}
