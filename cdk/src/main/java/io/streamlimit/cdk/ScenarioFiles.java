package io.streamlimit.cdk;

import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** Finds and loads the scenario file named by the context value {@code scenario}. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /**
     * Resolves {@code value} as given (absolute, or relative to the working directory, which is
     * {@code cdk/} under the CDK CLI), then relative to the repository root, so both
     * {@code ../scenarios/x.yaml} and {@code scenarios/x.yaml} work.
     */
    static Path resolve(String value, Path workingDirectory, Path repositoryRoot) {
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(workingDirectory.resolve(value).toAbsolutePath().normalize());
        candidates.add(repositoryRoot.resolve(value).toAbsolutePath().normalize());
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AppConfigurationException("context scenario: no file " + value + " (looked for " + candidates + ")");
    }

    /** @throws io.streamlimit.scenario.ScenarioException naming the file and the key at fault */
    static Scenario load(Path file) {
        return ScenarioLoader.load(file);
    }
}
