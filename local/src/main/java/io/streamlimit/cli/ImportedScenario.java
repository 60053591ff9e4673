package io.streamlimit.cli;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioException;
import io.streamlimit.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The scenario an AWS run was deployed from: given, or found by the rows' group_id (the scenario's name). */
final class ImportedScenario {

    private ImportedScenario() {
    }

    static Scenario resolve(Path file, Path dir, List<InvocationRow> rows, String runId) {
        if (file != null) {
            return ScenarioLoader.load(file);
        }
        List<String> groups = rows.stream().map(InvocationRow::groupId).filter(Objects::nonNull).distinct().sorted().toList();
        if (groups.size() != 1) {
            throw new UserError("--scenario: run '" + runId + "' has " + (groups.isEmpty() ? "no group_id in its rows"
                    : "several group_ids " + groups) + "; name the deployed scenario file with --scenario");
        }
        String name = groups.get(0);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.toString().endsWith(".yaml")).sorted()
                    .map(ImportedScenario::loadQuietly)
                    .filter(scenario -> scenario != null && scenario.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new UserError("--scenario: no scenario named '" + name + "' (the rows' group_id) in "
                            + dir + "; name the deployed scenario file with --scenario"));
        } catch (IOException e) {
            throw new UserError("--scenarios-dir: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Scenario loadQuietly(Path file) {
        try {
            return ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            return null;
        }
    }
}
