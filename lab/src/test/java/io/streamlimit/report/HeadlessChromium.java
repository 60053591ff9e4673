package io.streamlimit.report;

import static org.junit.jupiter.api.Assumptions.abort;

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
 * Debian's Chromium, run headless on a report. If it is missing, installs it with apt when that
 * can work (running as root, apt-get present, {@code STREAMLIMIT_INSTALL_CHROMIUM} not "false"),
 * otherwise aborts the calling test with the reason, so the build stays green where a browser
 * cannot be had.
 */
final class HeadlessChromium {

    static final String INSTALL_FLAG = "STREAMLIMIT_INSTALL_CHROMIUM";
    /** A browser elsewhere (for example Google Chrome); if set, nothing else is looked for. */
    static final String BINARY = "STREAMLIMIT_CHROMIUM";
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final long RUN_TIMEOUT_SECONDS = 120;
    private static final long INSTALL_TIMEOUT_MINUTES = 15;

    private static Path executable;
    private static String unavailableReason;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, installed first if need be; aborts the test when it cannot be had. */
    static synchronized HeadlessChromium findOrInstall() {
        if (executable == null && unavailableReason == null) {
            executable = locate().or(HeadlessChromium::install).orElse(null);
        }
        if (executable == null) {
            abort("Chromium is not available, so the report is not checked in a browser: " + unavailableReason);
        }
        return new HeadlessChromium(executable);
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

    private static Optional<Path> locate() {
        List<String> candidates = setting(BINARY).map(List::of).orElse(CANDIDATES);
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** A system property, else the environment variable of the same name. */
    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)));
    }

    private static Optional<Path> install() {
        if (setting(BINARY).isPresent()) {
            unavailableReason = BINARY + "=" + setting(BINARY).get() + " is not an executable";
            return Optional.empty();
        }
        if ("false".equalsIgnoreCase(setting(INSTALL_FLAG).orElse(""))) {
            unavailableReason = "it is not installed and " + INSTALL_FLAG + "=false forbids installing it";
            return Optional.empty();
        }
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            unavailableReason = "it is not installed and there is no apt-get to install it (install chromium yourself)";
            return Optional.empty();
        }
        if (!isRoot()) {
            unavailableReason = "it is not installed and only root may run apt-get (sudo apt-get install -y chromium)";
            return Optional.empty();
        }
        System.out.println("Chromium is missing: installing it with apt-get (set " + INSTALL_FLAG
                + "=false to skip the browser test instead)");
        // A fresh machine may have empty package lists: update once if the first attempt fails.
        if (!apt("install", "-y", "chromium")) {
            apt("update");
            apt("install", "-y", "chromium");
        }
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            unavailableReason = "apt-get install chromium did not install it (see the output above)";
        }
        return found;
    }

    private static boolean apt(String... arguments) {
        List<String> command = new ArrayList<>(List.of("apt-get", "-q"));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRoot() {
        try {
            Process process = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && "0".equals(uid);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
