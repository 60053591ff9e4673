package io.streamlimit.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.streamlimit.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;

/** A scenario synthesized by a fresh app into a directory: the template file exactly as `cdk synth` writes it. */
final class SynthesizedTemplate {

    private SynthesizedTemplate() {
    }

    /** Synthesizes {@code scenarioFile} into {@code outdir} and returns the template file's path. */
    static Path synthesize(Path scenarioFile, Path outdir, Map<String, Object> context) {
        App app = new App(AppProps.builder().outdir(outdir.toString()).context(context).build());
        Scenario scenario = ScenarioFiles.load(scenarioFile);
        String name = StackNames.forScenario(scenario.name());
        new ScenarioStack(app, name, ScenarioStackProps.of(scenario, SynthesizedScenarios.functionsJar()));
        Aspects.of(app).add(new AwsSolutionsChecks());
        app.synth();
        return outdir.resolve(name + ".template.json");
    }

    static Path synthesize(Path scenarioFile, Path outdir) {
        return synthesize(scenarioFile, outdir, Map.of());
    }

    /** The template as a JSON tree that keeps the file's key order. */
    static JsonNode read(Path template) {
        try {
            return new ObjectMapper().readTree(Files.readString(template));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }
}
