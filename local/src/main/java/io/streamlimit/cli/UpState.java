package io.streamlimit.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code streamlimit up} tells other commands: its pid and its results database's
 * JDBC URL, in a small file beside the results directory ({@code .streamlimit/results.up}) that
 * exists only while it runs. Other commands then share that database instead of failing on the
 * embedded PostgreSQL's lock.
 */
record UpState(long pid, String jdbcUrl) {

    static Path file(Path resultsDir) {
        Path dir = resultsDir.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + ".up");
    }

    /** The running {@code up} of this results directory whose database answers; empty if none (a stale file is ignored). */
    static Optional<UpState> running(Path resultsDir) {
        Path file = file(resultsDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            UpState state = new UpState(Long.parseLong(p.getProperty("pid", "-1")), p.getProperty("jdbcUrl"));
            boolean alive = ProcessHandle.of(state.pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && state.jdbcUrl != null && ResultsProbe.problem(state.jdbcUrl) == null
                    ? Optional.of(state) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Written once the stack is up, replaced atomically so a reader never sees half a file. */
    void write(Path resultsDir) {
        Path file = file(resultsDir);
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("jdbcUrl", jdbcUrl);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp)) {
                p.store(out, "streamlimit up is running; removed when it stops");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void remove(Path resultsDir) {
        try {
            Files.deleteIfExists(file(resultsDir));
        } catch (IOException e) {
            // a stale file is harmless: readers check that its pid runs and its database answers
        }
    }
}
