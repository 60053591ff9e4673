package io.streamlimit.local.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.local.dynamodb.DynamoDbServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tracker over real HTTP: three instances sharing one dynalite server. */
class TrackerServerTest {

    private static DynamoDbServer dynamoDb;
    private final TrackerClient client = new TrackerClient();
    private final List<TrackerServer> instances = new ArrayList<>();

    @BeforeAll
    static void startDynamoDb() {
        dynamoDb = DynamoDbServer.start(0, null);
    }

    @AfterAll
    static void stopDynamoDb() {
        dynamoDb.close();
    }

    @BeforeEach
    void startThreeInstances() throws Exception {
        String table = "tracker-" + UUID.randomUUID();
        // All three at once: each creates the table if missing, and must tolerate the others doing so.
        ExecutorService starting = Executors.newFixedThreadPool(3);
        try {
            List<Future<TrackerServer>> started = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                started.add(starting.submit(() -> TrackerServer.start(dynamoDb.client(), table, 0)));
            }
            for (Future<TrackerServer> f : started) {
                instances.add(f.get());
            }
        } finally {
            starting.shutdownNow();
        }
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(TrackerServer::close);
    }

    private URI url(int instance) {
        return instances.get(instance).url();
    }

    @Test
    void the_issue_curl_series_holds_exactly_across_instances() throws Exception {
        String a = client.auth(url(0));
        assertThat(client.count(url(0), "/", a)).isEqualTo(1);
        assertThat(client.count(url(1), "/", a)).isEqualTo(2);
        assertThat(client.count(url(2), "/my/path", a)).isEqualTo(1);
        String b = client.auth(url(1));
        assertThat(client.count(url(2), "/", b)).isEqualTo(1);
        assertThat(client.count(url(0), "/", a)).isEqualTo(3);
    }

    @Test
    void the_query_string_is_not_part_of_the_path() throws Exception {
        String token = client.auth(url(0));
        assertThat(client.count(url(0), "/p?x=1", token)).isEqualTo(1);
        assertThat(client.count(url(1), "/p?y=2", token)).isEqualTo(2);
        assertThat(client.count(url(2), "/p", token)).isEqualTo(3);
    }

    @Test
    void missing_malformed_and_unknown_tokens_get_401_with_a_message() throws Exception {
        for (String token : new String[] {null, "not-a-uuid", UUID.randomUUID().toString()}) {
            HttpResponse<String> response = client.get(url(0), "/", token);
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(response.body()).matches("\\{\"error\":\".+\"}");
        }
    }

    @Test
    void an_over_long_path_gets_414_and_1024_bytes_still_count() throws Exception {
        String token = client.auth(url(0));
        assertThat(client.count(url(0), "/" + "a".repeat(1023), token)).isEqualTo(1);

        HttpResponse<String> response = client.get(url(0), "/" + "a".repeat(1024), token);
        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.body()).startsWith("{\"error\":");
    }

    @Test
    void three_instances_count_4003_requests_from_16_threads_exactly() throws Exception {
        List<String> tokens = List.of(client.auth(url(0)), client.auth(url(1)), client.auth(url(2)));
        List<String> paths = List.of("/", "/a", "/a/b", "/videos/42?t=9", "/%C3%A9");
        int requests = 4003;
        Map<String, List<Future<Long>>> answersByCounter = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < requests; i++) {
                String token = tokens.get(i % 3);
                String path = paths.get((i / 3) % paths.size());
                URI instance = url((i / 7) % 3);
                String counter = token + " " + path.replaceAll("\\?.*", "");
                answersByCounter.computeIfAbsent(counter, k -> new ArrayList<>())
                        .add(pool.submit(() -> client.count(instance, path, token)));
            }
            long answered = 0;
            for (Map.Entry<String, List<Future<Long>>> counter : answersByCounter.entrySet()) {
                List<Long> counts = new ArrayList<>();
                for (Future<Long> answer : counter.getValue()) {
                    counts.add(answer.get());
                }
                // Exact: the n requests of one counter got each of 1..n once, none lost or doubled.
                assertThat(counts).as(counter.getKey())
                        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, counts.size()).boxed().toList());
                answered += counts.size();
            }
            assertThat(answered).isEqualTo(requests);
            assertThat(answersByCounter).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
        for (Map.Entry<String, List<Future<Long>>> counter : answersByCounter.entrySet()) {
            String[] tokenAndPath = counter.getKey().split(" ");
            // A final request through another instance reads on from the final count.
            assertThat(client.count(url(1), tokenAndPath[1], tokenAndPath[0]))
                    .as(counter.getKey()).isEqualTo(counter.getValue().size() + 1);
        }
    }
}
