package io.streamlimit.sim;

import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's scenario files, found from the module directory the tests run in. */
public final class Scenarios {

    private Scenarios() {
    }

    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scenarios");
            if (Files.isRegularFile(candidate.resolve("recommended.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no scenarios/ directory above " + Path.of("").toAbsolutePath());
    }

    public static Scenario load(String fileName) {
        return ScenarioLoader.load(directory().resolve(fileName));
    }
}
