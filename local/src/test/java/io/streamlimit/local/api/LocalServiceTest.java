package io.streamlimit.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.stack.LocalStackOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code streamlimit up} serves, over real HTTP, on the embedded stack. */
class LocalServiceTest {

    @TempDir
    static Path resultsDir;

    static LocalStack stack;
    static LocalService service;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = LocalStack.start(new LocalStackOptions(0, null, 0, resultsDir, 0, null));
        service = LocalService.start(stack, LedgerSettings.defaults(), new LocalService.Ports(0, 0), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        service.close();
        stack.close();
    }

    @Test
    void check_and_acquire_answer_as_designed_up_to_the_limit() throws Exception {
        assertThat(get("/check/u-acquire").body()).isEqualTo("{\"uid\":\"u-acquire\",\"open\":0,\"limit\":3,\"allowed\":true}");
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> acquired = post("/acquire", "{\"uid\":\"u-acquire\",\"streamId\":\"s" + i + "\"}");
            assertThat(acquired.statusCode()).isEqualTo(200);
            assertThat(acquired.body()).contains("\"allowed\":true", "\"open\":" + i, "\"leaseExpiresAt\"");
        }
        HttpResponse<String> refused = post("/acquire", "{\"uid\":\"u-acquire\",\"streamId\":\"s4\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"allowed\":false", "\"open\":3");
    }

    @Test
    void events_are_published_and_reach_the_ledger_through_the_pipeline() throws Exception {
        HttpResponse<String> accepted = post("/events",
                "[{\"type\":\"open\",\"uid\":\"u-events\",\"streamId\":\"e1\"},{\"type\":\"open\",\"uid\":\"u-events\",\"streamId\":\"e2\"}]");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).isEqualTo("{\"accepted\":2}");
        post("/events", "{\"type\":\"close\",\"uid\":\"u-events\",\"streamId\":\"e1\"}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/check/u-events").body()).contains("\"open\":1"));
    }

    @Test
    void malformed_requests_get_a_400_that_names_the_problem() throws Exception {
        assertBadRequest(post("/events", "not json"), "body");
        assertBadRequest(post("/events", "{\"type\":\"opn\",\"uid\":\"u\",\"streamId\":\"s\"}"), "type");
        assertBadRequest(post("/events", "{\"type\":\"open\",\"streamId\":\"s\"}"), "uid");
        assertBadRequest(post("/acquire", "{\"uid\":\"" + "u".repeat(129) + "\",\"streamId\":\"s\"}"), "uid");
        assertBadRequest(get("/check/a%20b"), "uid");
    }

    private static void assertBadRequest(HttpResponse<String> response, String named) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\":").contains(named);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create(service.apiUrl().toString().replaceAll("/$", "") + path);
    }
}
