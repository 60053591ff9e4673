package io.streamlimit.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node.js server run as a child process of this JVM: started from a script of the project's
 * {@code node/} directory (or a package's own entry point), ready once it prints a line matching
 * {@link Spec#ready()} (whose group {@code port}, if any, is the port it listens on), and stopped
 * by {@link #close()}. Every service is started with {@code lifeline.js} preloaded, so it exits
 * when this JVM does, however the JVM ends. Its standard output and error are drained into a
 * short tail that start failures quote.
 */
public final class NodeService implements AutoCloseable {

    private static final int TAIL_LINES = 20;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /**
     * What to start.
     *
     * @param name for messages, e.g. {@code dynalite}
     * @param script the JavaScript file to run
     * @param args its arguments
     * @param workingDirectory where it runs (some packages read files relative to it)
     * @param environment added to this JVM's environment
     * @param ready a line that says the service accepts connections; group {@code port} if it says where
     * @param startTimeout how long to wait for that line
     */
    public record Spec(String name, Path script, List<String> args, Path workingDirectory,
                       Map<String, String> environment, Pattern ready, Duration startTimeout) {

        public Spec {
            args = List.copyOf(args);
            environment = Map.copyOf(environment);
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
            }
        }

        /** Runs {@code script} with {@code args} in the script's directory; 60 s to print {@code ready}. */
        public static Spec of(String name, Path script, Pattern ready, String... args) {
            return new Spec(name, script, List.of(args), script.toAbsolutePath().getParent(), Map.of(), ready,
                    Duration.ofSeconds(60));
        }

        public Spec withWorkingDirectory(Path directory) {
            return new Spec(name, script, args, directory, environment, ready, startTimeout);
        }

        public Spec withEnvironment(Map<String, String> variables) {
            return new Spec(name, script, args, workingDirectory, variables, ready, startTimeout);
        }

        public Spec withStartTimeout(Duration timeout) {
            return new Spec(name, script, args, workingDirectory, environment, ready, timeout);
        }
    }

    private final Spec spec;
    private final Process process;
    private final Output output;
    private final OptionalInt port;

    private NodeService(Spec spec, Process process, Output output, OptionalInt port) {
        this.spec = spec;
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * Starts the service and waits until it is ready.
     *
     * @throws IllegalStateException if Node.js cannot be run, or the service exits or stays silent
     *     before it is ready; the message quotes the service's last lines
     */
    public static NodeService start(NodeProject project, Spec spec) {
        List<String> command = new ArrayList<>(List.of("node", "--require", project.lifeline().toString(),
                spec.script().toAbsolutePath().toString()));
        command.addAll(spec.args());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workingDirectory().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(spec.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + spec.name() + ": Node.js 20 or newer is needed on the PATH ("
                    + e.getMessage() + ")", e);
        }
        Output output = new Output(spec.name(), process, spec.ready());
        try {
            Matcher ready = output.ready.get(spec.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new NodeService(spec, process, output, portOf(ready));
        } catch (TimeoutException e) {
            stop(process);
            throw new IllegalStateException(spec.name() + " was not ready after " + spec.startTimeout().toSeconds()
                    + " s; its last output: " + output.tail(), e);
        } catch (ExecutionException e) {
            stop(process);
            throw new IllegalStateException(spec.name() + " exited before it was ready"
                    + exitCode(process) + ": " + output.tail(), e.getCause());
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + spec.name(), e);
        }
    }

    private static OptionalInt portOf(Matcher ready) {
        try {
            return OptionalInt.of(Integer.parseInt(ready.group("port")));
        } catch (IllegalArgumentException noPortGroup) {
            return OptionalInt.empty();
        }
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? " (exit code " + process.exitValue() + ")" : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The port from the ready line. */
    public int port() {
        return port.orElseThrow(() -> new IllegalStateException(spec.name() + "'s ready line names no port"));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The service's last lines of output, oldest first. */
    public String recentOutput() {
        return output.tail();
    }

    /** Stops the service (SIGTERM, then SIGKILL after 5 s) and waits until it has exited. */
    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Drains the process's output on a daemon thread: the ready line, then a tail of the rest. */
    private static final class Output {

        private final CompletableFuture<Matcher> ready = new CompletableFuture<>();
        private final Deque<String> tail = new ArrayDeque<>();

        Output(String name, Process process, Pattern readyLine) {
            Thread drain = new Thread(() -> drain(process, readyLine), name + "-output");
            drain.setDaemon(true);
            drain.start();
        }

        private void drain(Process process, Pattern readyLine) {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    remember(line);
                    Matcher matcher = readyLine.matcher(line);
                    if (!ready.isDone() && matcher.find()) {
                        ready.complete(matcher);
                    }
                }
            } catch (IOException closed) {
                // The process went away; EOF below says so.
            }
            ready.completeExceptionally(new IllegalStateException("output ended"));
        }

        private synchronized void remember(String line) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }

        synchronized String tail() {
            return tail.isEmpty() ? "(no output)" : String.join(" | ", tail);
        }
    }
}
