package io.streamlimit.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, run headless on a report. A test never installs it (a test must not change
 * the machine): if it is missing, the calling test is skipped with the reason; {@code .ci/run}
 * installs it before the tests.
 */
final class HeadlessChromium {

    /** A browser elsewhere (for example Google Chrome); if set, nothing else is looked for. */
    static final String BINARY = "STREAMLIMIT_CHROMIUM";
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final long RUN_TIMEOUT_SECONDS = 120;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser; skips the calling test (a JUnit assumption) when it is not installed. */
    static HeadlessChromium find() {
        Optional<String> configured = setting(BINARY);
        List<String> candidates = configured.map(List::of).orElse(CANDIDATES);
        Optional<Path> found = candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), () -> "Chromium is not installed (" + String.join(" or ", candidates)
                + "), so the report is not checked in a browser: .ci/run installs it"
                + " (Debian's package chromium), or set " + BINARY + " to a browser's path");
        return new HeadlessChromium(found.get());
    }

    /** The DOM Chromium built from the page. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom"));
    }

    /** A PNG of the page's top {@code width x height} pixels. */
    Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(page, List.of("--window-size=" + width + "," + height, "--hide-scrollbars",
                "--screenshot=" + png.toAbsolutePath()));
        return png;
    }

    private String run(Path page, List<String> action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("streamlimit-chromium-");
        Path log = Files.createTempFile("streamlimit-chromium-", ".log");
        Path out = Files.createTempFile("streamlimit-chromium-", ".out");
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile));
            command.addAll(action);
            command.add(page.toAbsolutePath().toUri().toString());
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile()).redirectError(log.toFile()).start();
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish in " + RUN_TIMEOUT_SECONDS + " s: "
                        + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": " + tail(log));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            deleteTree(profile);
            Files.deleteIfExists(log);
            Files.deleteIfExists(out);
        }
    }

    /** A system property, else the environment variable of the same name. */
    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
