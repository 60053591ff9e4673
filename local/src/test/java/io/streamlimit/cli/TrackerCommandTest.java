package io.streamlimit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamlimit.local.dynamodb.DynamoDbServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrackerCommandTest {

    private static final Pattern URL = Pattern.compile("tracker: (http://127\\.0\\.0\\.1:\\d+)");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A running {@code streamlimit tracker ...}: the root command line, so registration is tested too. */
    private static final class Running {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final TrackerCommand command;
        final CompletableFuture<Integer> exit;

        Running(String... args) {
            CommandLine cli = StreamlimitCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            command = cli.getSubcommands().get("tracker").getCommand();
            String[] all = new String[args.length + 1];
            all[0] = "tracker";
            System.arraycopy(args, 0, all, 1, args.length);
            exit = new CompletableFuture<>();
            // Its own thread: the common pool may have a single thread, which the first command would hold.
            Thread thread = new Thread(() -> exit.complete(cli.execute(all)), "streamlimit-tracker-test");
            thread.setDaemon(true);
            thread.start();
        }

        URI url() {
            await().atMost(Duration.ofSeconds(60)).until(() -> URL.matcher(out.toString()).find() || exit.isDone());
            Matcher m = URL.matcher(out.toString());
            assertThat(m.find()).as("output: %s %s", out, err).isTrue();
            return URI.create(m.group(1));
        }

        int stop() throws Exception {
            command.stop();
            return exit.get();
        }
    }

    private String get(URI url, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path));
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String token(String authAnswer) {
        return authAnswer.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void without_an_endpoint_it_starts_its_own_dynamodb_and_serves_until_stopped() throws Exception {
        Running tracker = new Running("--port", "0");
        URI url = tracker.url();
        String token = token(get(url, "/auth", null));

        assertThat(get(url, "/", token)).isEqualTo("{\"count\":1}");
        assertThat(tracker.out.toString()).contains("DynamoDB (dynalite, in memory): http://127.0.0.1:");
        assertThat(tracker.stop()).isZero();
    }

    @Test
    void instances_on_one_dynamodb_endpoint_share_their_counts() throws Exception {
        try (DynamoDbServer dynamoDb = DynamoDbServer.start(0, null)) {
            String endpoint = dynamoDb.endpoint().toString();
            Running first = new Running("--port", "0", "--dynamodb-endpoint", endpoint, "--table", "shared");
            Running second = new Running("--port", "0", "--dynamodb-endpoint", endpoint, "--table", "shared");
            try {
                String token = token(get(first.url(), "/auth", null));
                assertThat(get(first.url(), "/x", token)).isEqualTo("{\"count\":1}");
                assertThat(get(second.url(), "/x", token)).isEqualTo("{\"count\":2}");
            } finally {
                assertThat(first.stop()).isZero();
                assertThat(second.stop()).isZero();
            }
        }
    }

    @Test
    void a_port_in_use_is_one_line_before_anything_starts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Running tracker = new Running("--port", Integer.toString(taken.getLocalPort()));

            assertThat(tracker.exit.get()).isEqualTo(UserErrorHandler.USER_ERROR);
            assertThat(tracker.out.toString()).as("no DynamoDB started, no banner").isEmpty();
            assertThat(tracker.err.toString().strip()).isEqualTo("error: --port: port " + taken.getLocalPort()
                    + " is in use; stop what uses it or pick another --port");
        }
    }

    @Test
    void an_unreachable_dynamodb_is_a_user_error() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Running tracker = new Running("--port", "0", "--dynamodb-endpoint", "http://127.0.0.1:" + closedPort);

        assertThat(tracker.exit.get()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(tracker.err.toString()).contains("error: cannot use DynamoDB at http://127.0.0.1:" + closedPort);
    }

    @Test
    void an_endpoint_that_is_not_a_url_is_a_user_error() throws Exception {
        Running tracker = new Running("--port", "0", "--dynamodb-endpoint", "localhost:8000");

        assertThat(tracker.exit.get()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(tracker.err.toString()).contains("error: --dynamodb-endpoint: must be a URL");
    }
}
