package io.streamlimit.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node services as child processes, with real Node.js and the project's installed packages. */
class NodeServiceTest {

    private static final Pattern READY = Pattern.compile("ready on (?<port>\\d+)");

    @Test
    void dynalite_reports_its_port_serves_on_it_and_frees_it_when_closed() throws IOException {
        int port;
        try (NodeService dynalite = Dynalite.start(0, null)) {
            port = dynalite.port();
            assertThat(Dynalite.endpoint(dynalite).toString()).isEqualTo("http://127.0.0.1:" + port);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void a_service_that_exits_before_it_is_ready_is_reported_with_its_exit_code_and_output(@TempDir Path dir)
            throws IOException {
        Path script = Files.writeString(dir.resolve("fails.js"), "console.error('no such table: ' + process.argv[2]); process.exit(3);");

        assertThatThrownBy(() -> NodeService.start(NodeProject.installed(), NodeService.Spec.of("failing", script, READY, "t1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("failing exited before it was ready (exit code 3): no such table: t1");
    }

    @Test
    void a_service_that_never_says_it_is_ready_is_stopped_after_the_timeout(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("silent.js"), "console.log('starting'); setInterval(() => {}, 1000);");
        NodeService.Spec spec = NodeService.Spec.of("silent", script, READY).withStartTimeout(Duration.ofSeconds(5));

        // On a loaded machine Node may not even have printed its first line within the timeout.
        assertThatThrownBy(() -> NodeService.start(NodeProject.installed(), spec))
                .isInstanceOf(IllegalStateException.class)
                .message().matches("silent was not ready after 5 s; its last output: (starting|\\(no output\\))");
    }

    @Test
    void the_working_directory_and_environment_reach_the_service(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("env.js"),
                "const s = require('net').createServer().listen(0, '127.0.0.1', () =>"
                        + " console.log(`${process.env.GREETING} from ${require('path').basename(process.cwd())}: ready on ${s.address().port}`));");
        Path work = Files.createDirectories(dir.resolve("workdir"));
        NodeService.Spec spec = NodeService.Spec.of("env", script, READY)
                .withWorkingDirectory(work)
                .withEnvironment(java.util.Map.of("GREETING", "hello"));

        try (NodeService service = NodeService.start(NodeProject.installed(), spec)) {
            assertThat(service.port()).isPositive();
            assertThat(service.recentOutput()).isEqualTo("hello from workdir: ready on " + service.port());
        }
    }

    @Test
    void a_service_exits_when_the_jvm_that_started_it_is_killed() throws Exception {
        Process jvm = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + NodeProject.DIRECTORY_PROPERTY + "=" + NodeProject.installed().directory(),
                StartDynaliteAndWait.class.getName()))
                .redirectErrorStream(true)
                .start();
        long servicePid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the child JVM's first line").startsWith("pid ");
            servicePid = Long.parseLong(line.substring(4));
            ProcessHandle service = ProcessHandle.of(servicePid).orElseThrow();
            assertThat(service.isAlive()).isTrue();

            jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs

            service.onExit().get(20, TimeUnit.SECONDS);
            assertThat(service.isAlive()).isFalse();
        } finally {
            jvm.destroyForcibly();
        }
    }

    /** The child JVM of the test above: starts dynalite, prints its pid, and waits to be killed. */
    static final class StartDynaliteAndWait {
        public static void main(String[] args) throws InterruptedException {
            NodeService dynalite = Dynalite.start(0, null);
            System.out.println("pid " + dynalite.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
