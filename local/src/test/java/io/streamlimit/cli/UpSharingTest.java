package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up} and the other commands share one results database instead of fighting over its lock. */
class UpSharingTest {

    @TempDir
    Path dir;

    @Test
    void simulate_saves_into_the_running_ups_database_and_a_second_up_is_refused() throws Exception {
        Path results = dir.resolve("results");
        AtomicReference<CliRun> up = new AtomicReference<>();
        Thread upThread = new Thread(() -> up.set(execute("up", "--port", Integer.toString(freePort()),
                "--tracker-port", Integer.toString(freePort()), "--results-dir", results.toString())), "up-under-test");
        upThread.start();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> Files.exists(UpState.file(results)) || !upThread.isAlive());
            UpState running = UpState.running(results).orElseThrow();
            assertThat(running.pid()).isEqualTo(ProcessHandle.current().pid());

            CliRun simulated = execute("simulate", "../scenarios/01-no-limits.yaml", "--events", "50",
                    "--results-dir", results.toString(), "--report-dir", dir.toString());

            assertThat(simulated.exitCode()).as(simulated.err()).isZero();
            assertThat(simulated.err()).contains("Results database: the running 'streamlimit up' (pid " + running.pid() + ") at "
                    + running.jdbcUrl());
            String runId = "sim-no-limits-seed1-events50-aws-2020";
            assertThat(simulated.out()).contains("Rows saved as run " + runId);
            assertThat(count(running.jdbcUrl(), "select count(*) from invocations where run_id = ?", runId)).isEqualTo(50);
            assertThat(count(running.jdbcUrl(), "select count(*) from runs where run_id = ?", runId)).isEqualTo(1);

            CliRun second = execute("up", "--port", Integer.toString(freePort()), "--tracker-port", Integer.toString(freePort()),
                    "--results-dir", results.toString());
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err().strip()).isEqualTo("error: --results-dir: another 'streamlimit up' (pid " + running.pid()
                    + ", results database " + running.jdbcUrl() + ") is running on " + results
                    + "; stop it first or pass another --results-dir");
        } finally {
            upThread.interrupt();
            upThread.join(Duration.ofMinutes(3).toMillis());
        }
        // Once in this stop's full builds up took over a minute to stop: should it ever hang, say where.
        assertThat(upThread.isAlive()).as("up did not stop within 3 minutes; the JVM's threads:%n%s", threadDump()).isFalse();
        assertThat(up.get().exitCode()).as(up.get().err()).isZero();
        assertThat(UpState.file(results)).as("removed when up stops").doesNotExist();

        // With up gone, the next command starts its own embedded database on the same directory and finds the run.
        CliRun listed = execute("compare", "--results-dir", results.toString());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.err()).contains("Results database: the embedded PostgreSQL in " + results);
        assertThat(listed.out()).contains("sim-no-limits-seed1-events50-aws-2020");
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            dump.append(thread.getName()).append(" (").append(thread.getState()).append(")\n");
            for (StackTraceElement frame : frames) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        return dump.toString();
    }

    @Test
    void a_command_falls_back_to_its_own_database_when_another_process_holds_the_directory() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Path lock = Files.createFile(results.resolve("epg-lock"));
        // Another process holds the embedded PostgreSQL's lock, as a running simulate or an older up would.
        Process holder = new ProcessBuilder("python3", "-c",
                "import fcntl, sys\nf = open(sys.argv[1], 'a')\nfcntl.lockf(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\nsys.stdin.read()",
                lock.toString()).redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6))).isEqualTo("locked");
            Path own = dir.resolve("results-" + ProcessHandle.current().pid());

            CliRun simulated = execute("simulate", "../scenarios/01-no-limits.yaml", "--events", "20",
                    "--results-dir", results.toString(), "--report-dir", dir.toString());

            assertThat(simulated.exitCode()).as(simulated.err()).isZero();
            assertThat(simulated.err()).contains("Results database: an embedded PostgreSQL in " + own + " (" + results
                    + " is in use by another streamlimit command; these rows stay apart)");
            assertThat(execute("compare", "--results-dir", own.toString()).out()).contains("sim-no-limits-seed1-events20-aws-2020");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    private static long count(String jdbcUrl, String sql, String runId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
