package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up} serves the Kinesis pipeline: the machine's AWS CLI (v1) puts an {@code open} event
 * into the local stream and {@code GET /check} shows it applied; {@code POST /records} does the
 * same through the HTTP API, within the shard's write limits.
 */
class UpKinesisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void an_open_event_put_into_the_stream_with_the_aws_cli_shows_in_check() throws Exception {
        int api = freePort();
        int kinesis = freePort();
        Path results = dir.resolve("results");
        AtomicReference<CliRun> up = new AtomicReference<>();
        Thread upThread = new Thread(() -> up.set(execute("up", "--port", Integer.toString(api),
                "--tracker-port", Integer.toString(freePort()), "--kinesis-port", Integer.toString(kinesis),
                "--results-dir", results.toString())), "up-under-test");
        upThread.start();
        String endpoint = "http://127.0.0.1:" + kinesis;
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> Files.exists(UpState.file(results)) || !upThread.isAlive());
            assertThat(upThread.isAlive()).as("up is running").isTrue();

            String put = aws(endpoint, "kinesis", "put-record", "--stream-name", "streamlimit-events",
                    "--partition-key", "player-42", "--data", "{\"type\":\"open\",\"uid\":\"player-42\",\"streamId\":\"s-1\"}");
            JsonNode putResult = JSON.readTree(put);
            assertThat(putResult.get("ShardId").asText()).isEqualTo("shardId-000000000000");
            assertThat(putResult.get("SequenceNumber").asText()).isNotBlank();

            URI check = URI.create("http://127.0.0.1:" + api + "/check/player-42");
            await().atMost(30, TimeUnit.SECONDS).until(() -> get(check).equals(
                    "{\"uid\":\"player-42\",\"open\":1,\"limit\":3,\"allowed\":true}"));

            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api + "/records"))
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"type\":\"open\",\"uid\":\"player-42\",\"streamId\":\"s-2\"},"
                            + "{\"type\":\"close\",\"uid\":\"player-42\",\"streamId\":\"s-1\"}]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(posted.body()).isEqualTo("{\"accepted\":2}");
            // s-1 closed, s-2 open: one stream open, applied in the order they were put.
            await().atMost(30, TimeUnit.SECONDS).until(() -> get(check).equals(
                    "{\"uid\":\"player-42\",\"open\":1,\"limit\":3,\"allowed\":true}") && records(endpoint) == 3);

            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api + "/records"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"open\",\"streamId\":\"s-3\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).get("error").asText()).startsWith("uid:");

            // A burst over the one shard's 1,000 records a second: PutRecords puts what the shard takes and the
            // route reports every other record as refused; the stream holds exactly the records reported put.
            long before = System.currentTimeMillis();
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int request = 0; request < 5; request++) {
                burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api + "/records"))
                        .POST(HttpRequest.BodyPublishers.ofString(burstBody(request * 500, 500))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Set<String> accepted = new HashSet<>();
            int refused = 0;
            for (int request = 0; request < 5; request++) {
                HttpResponse<String> response = burst.get(request).get(2, TimeUnit.MINUTES);
                if (response.statusCode() == 202) {
                    assertThat(response.body()).isEqualTo("{\"accepted\":500}");
                    IntStream.range(request * 500, request * 500 + 500).forEach(i -> accepted.add("b-" + i));
                    continue;
                }
                assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                JsonNode body = JSON.readTree(response.body());
                JsonNode entries = body.get("records");
                assertThat(entries).hasSize(500);
                int failed = 0;
                for (int i = 0; i < 500; i++) {
                    if (entries.get(i).has("ErrorCode")) {
                        failed++;
                        assertThat(entries.get(i).get("ErrorCode").asText()).isEqualTo("ProvisionedThroughputExceededException");
                        assertThat(entries.get(i).get("ErrorMessage").asText())
                                .contains("shardId-000000000000", "streamlimit-events");
                    } else {
                        assertThat(entries.get(i).get("ShardId").asText()).isEqualTo("shardId-000000000000");
                        accepted.add("b-" + (request * 500 + i));
                    }
                }
                assertThat(body.get("failed").asInt()).isEqualTo(failed);
                assertThat(body.get("accepted").asInt()).isEqualTo(500 - failed);
                refused += failed;
            }
            long seconds = System.currentTimeMillis() / 1000 - before / 1000 + 1;
            assertThat(accepted.size() + refused).isEqualTo(2_500);
            // The shard took at most 1,000 records in each second the burst touched.
            assertThat(accepted.size()).isLessThanOrEqualTo((int) Math.min(2_500, 1_000 * seconds));
            assertThat(refused).isGreaterThanOrEqualTo((int) Math.max(0, 2_500 - 1_000 * seconds));
            List<String> inStream = streamIds(endpoint);
            assertThat(inStream.stream().filter(id -> id.startsWith("b-")).toList())
                    .containsExactlyInAnyOrderElementsOf(accepted);
        } finally {
            upThread.interrupt();
            upThread.join(Duration.ofMinutes(3).toMillis());
        }
        assertThat(upThread.isAlive()).as("up stopped").isFalse();
        assertThat(up.get().exitCode()).as(up.get().err()).isZero();
        assertThat(up.get().out()).contains("  Kinesis       " + endpoint + "  (stream streamlimit-events, on-failure queue"
                + " streamlimit-events-on-failure)", "/records");
        // The Kinesis server stopped with the stack.
        assertThat(portIsFree(kinesis)).isTrue();
    }

    /** Records in the stream's one shard, read from its start with the AWS CLI. */
    private int records(String endpoint) throws IOException {
        String iterator = JSON.readTree(aws(endpoint, "kinesis", "get-shard-iterator", "--stream-name", "streamlimit-events",
                "--shard-id", "shardId-000000000000", "--shard-iterator-type", "TRIM_HORIZON")).get("ShardIterator").asText();
        return JSON.readTree(aws(endpoint, "kinesis", "get-records", "--shard-iterator", iterator)).get("Records").size();
    }

    /** The streamIds of the records in the stream's one shard, read from its start with the AWS CLI. */
    private List<String> streamIds(String endpoint) throws IOException {
        String iterator = JSON.readTree(aws(endpoint, "kinesis", "get-shard-iterator", "--stream-name", "streamlimit-events",
                "--shard-id", "shardId-000000000000", "--shard-iterator-type", "TRIM_HORIZON")).get("ShardIterator").asText();
        List<String> ids = new ArrayList<>();
        for (JsonNode record : JSON.readTree(aws(endpoint, "kinesis", "get-records", "--shard-iterator", iterator)).get("Records")) {
            String data = new String(Base64.getDecoder().decode(record.get("Data").asText()), StandardCharsets.UTF_8);
            ids.add(JSON.readTree(data).get("streamId").asText());
        }
        return ids;
    }

    /** {@code count} open events b-{from}.., each of its own uid, as one {@code POST /records} body. */
    private static String burstBody(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> "{\"type\":\"open\",\"uid\":\"burst-" + i + "\",\"streamId\":\"b-" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private String get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** {@code aws --endpoint-url ENDPOINT --output json ARGS} with dummy credentials; its standard output. */
    private String aws(String endpoint, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("aws-stderr.txt").toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", dir.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s: %s", command, Files.readString(dir.resolve("aws-stderr.txt"))).isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError("could not run the AWS CLI (" + e.getMessage() + "); it comes with the machine's Python", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
