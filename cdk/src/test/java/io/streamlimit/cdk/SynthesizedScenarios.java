package io.streamlimit.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.streamlimit.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes each scenario file once per test run (a synth takes seconds) and shares the
 * result, cdk-nag included, across every test that asserts on it.
 */
final class SynthesizedScenarios {

    /** One scenario's stack, synthesized with cdk-nag's AWS Solutions checks applied. */
    record Synthesized(Path file, Scenario scenario, ScenarioStack stack, Template template) {

        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    static final Path REPOSITORY_ROOT = RepositoryRoot.from(Path.of(""));
    static final Path SCENARIOS = REPOSITORY_ROOT.resolve("scenarios");
    /** The app's own cases, beside the repository's: every pipeline the stack deploys, whatever scenarios/ holds. */
    static final Path CDK_SCENARIOS = REPOSITORY_ROOT.resolve("cdk/src/test/resources/scenarios");

    private static final Map<Path, Synthesized> CACHE = new ConcurrentHashMap<>();

    private SynthesizedScenarios() {
    }

    /** Every scenario file of the repository, then the app's own; none at all is a failure, not a silent pass. */
    static List<Path> files() {
        return Stream.concat(yamlIn(SCENARIOS).stream(), yamlIn(CDK_SCENARIOS).stream()).toList();
    }

    /** The app's own case for {@code pipeline}: cdk-kinesis.yaml, cdk-fifo.yaml. */
    static Path cdkScenario(String fileName) {
        return CDK_SCENARIOS.resolve(fileName);
    }

    private static List<Path> yamlIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> yaml = files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
            if (yaml.isEmpty()) {
                throw new IllegalStateException("no scenario files in " + directory);
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    static Synthesized of(Path file) {
        return CACHE.computeIfAbsent(file, SynthesizedScenarios::synthesize);
    }

    /** Builds a stack for a scenario in a fresh app, cdk-nag applied; synthesis happens on first use. */
    static ScenarioStack stackFor(Scenario scenario) {
        App app = new App();
        ScenarioStack stack = new ScenarioStack(app, StackNames.forScenario(scenario.name()),
                ScenarioStackProps.of(scenario, functionsJar()));
        Aspects.of(app).add(new AwsSolutionsChecks());
        return stack;
    }

    /** The reactor build packages functions before these tests run; alone, the jar must be there already. */
    static Path functionsJar() {
        return FunctionsJar.in(REPOSITORY_ROOT);
    }

    private static Synthesized synthesize(Path file) {
        Scenario scenario = ScenarioFiles.load(file);
        ScenarioStack stack = stackFor(scenario);
        return new Synthesized(file, scenario, stack, Template.fromStack(stack));
    }
}
