package io.streamlimit.node;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project's {@code node/} directory: its {@code package.json} and lock file pin the Node
 * packages (dynalite, TypeScript, Grafana's types), the build installs them there ({@code npm ci},
 * from the parent pom), and its scripts start the Node services.
 */
public final class NodeProject {

    /** Set by the {@code streamlimit} launcher; tests and the build find the directory themselves. */
    public static final String DIRECTORY_PROPERTY = "streamlimit.node.dir";
    private static final String MARKER = "lifeline.js";

    private final Path directory;

    private NodeProject(Path directory) {
        this.directory = directory;
    }

    /**
     * The installed project: from {@value #DIRECTORY_PROPERTY}, else the first {@code node/}
     * above the working directory or above this class's jar.
     *
     * @throws IllegalStateException naming what is missing, and how to install it
     */
    public static NodeProject installed() {
        Path directory = locate().orElseThrow(() -> new IllegalStateException(
                "cannot find the project's node/ directory (with " + MARKER + ") above " + Path.of("").toAbsolutePath()
                        + "; set -D" + DIRECTORY_PROPERTY + "=DIR"));
        // npm writes this file last, once every package is in place.
        if (!Files.isRegularFile(directory.resolve("node_modules/.package-lock.json"))) {
            throw new IllegalStateException("the Node packages are not installed in " + directory
                    + ": run ./mvnw install (or npm ci there)");
        }
        return new NodeProject(directory);
    }

    private static Optional<Path> locate() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath());
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        codeLocation().ifPresent(starts::add);
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("node");
                if (Files.isRegularFile(candidate.resolve(MARKER))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            CodeSource source = NodeProject.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    public Path directory() {
        return directory;
    }

    /** A file of the project, e.g. {@code dynalite-server.js} or {@code node_modules/.bin/tsc}. */
    public Path file(String relative) {
        Path file = directory.resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("missing " + file + ": run ./mvnw install (or npm ci in " + directory + ")");
        }
        return file;
    }

    /** The script that makes every service exit when the JVM that started it goes away. */
    Path lifeline() {
        return file(MARKER);
    }
}
