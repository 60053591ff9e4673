package io.streamlimit.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.node.NodeProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checks dashboard JSON against Grafana's own types with the TypeScript compiler (both pinned in
 * {@code node/package.json}): each dashboard is inlined into a {@code .ts} file as
 * {@code const dashboard = <json> satisfies DashboardJson} ({@code dashboards/grafana-dashboard.ts})
 * and {@code tsc --strict --noEmit} runs over them.
 */
final class GrafanaTypeCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    /** The compiler's exit code and its diagnostics, one per line, as {@code NAME.ts(line,col): error ...}. */
    record Result(int exitCode, String output) {
    }

    private GrafanaTypeCheck() {
    }

    /** Type-checks the given dashboards (file name without {@code .ts} to JSON text) in {@code workDir}. */
    static Result check(Map<String, String> dashboards, Path workDir) throws IOException, InterruptedException {
        Path nodeModules = NodeProject.installed().file("node_modules");
        // The compiler resolves @grafana/schema from a node_modules beside the files, as in a project.
        Path link = Files.createSymbolicLink(workDir.resolve("node_modules"), nodeModules);
        try {
            return compile(dashboards, workDir, nodeModules);
        } finally {
            Files.delete(link);
        }
    }

    private static Result compile(Map<String, String> dashboards, Path workDir, Path nodeModules)
            throws IOException, InterruptedException {
        Files.copy(Dashboard.folder().resolve("grafana-dashboard.ts"), workDir.resolve("grafana-dashboard.ts"));
        List<String> files = new ArrayList<>(List.of("grafana-dashboard.ts"));
        for (Map.Entry<String, String> dashboard : dashboards.entrySet()) {
            String file = dashboard.getKey() + ".ts";
            // No line break before `satisfies`: it would end the statement there.
            Files.writeString(workDir.resolve(file), "import type { DashboardJson } from './grafana-dashboard.js';\n\n"
                    + "const dashboard = " + dashboard.getValue().strip() + " satisfies DashboardJson;\n"
                    + "export default dashboard;\n");
            files.add(file);
        }
        Files.writeString(workDir.resolve("tsconfig.json"), JSON.writeValueAsString(Map.of(
                "compilerOptions", Map.of("strict", true, "noEmit", true, "module", "nodenext",
                        "moduleResolution", "nodenext", "types", List.of()),
                "files", files)));
        Process tsc = new ProcessBuilder("node", nodeModules.resolve("typescript/bin/tsc").toString(), "-p", "tsconfig.json")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(tsc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tsc.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            tsc.destroyForcibly();
            throw new IllegalStateException("tsc took over " + TIMEOUT_SECONDS + " s: " + output);
        }
        return new Result(tsc.exitValue(), output.strip());
    }
}
