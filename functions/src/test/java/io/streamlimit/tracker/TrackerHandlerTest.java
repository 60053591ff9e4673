package io.streamlimit.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.testing.LocalDynamoDb;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The tracker's HTTP contract through the handler, on dynalite. */
class TrackerHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String table = LocalDynamoDb.newTrackerTable();
    private final TrackerHandler handler = newHandler();

    private TrackerHandler newHandler() {
        return new TrackerHandler(new TrackerService(
                new DynamoDbTrackerStore(LocalDynamoDb.client(), table), Clock.systemUTC()));
    }

    private static APIGatewayV2HTTPEvent get(String rawPath, String token) {
        Map<String, String> headers = new HashMap<>(Map.of("host", "localhost", "user-agent", "curl/8.5.0"));
        if (token != null) {
            headers.put("authorization", token);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(rawPath).withRawQueryString("")
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(rawPath).build())
                        .build())
                .build();
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        return JSON.readTree(response.getBody());
    }

    private String auth(TrackerHandler h) throws Exception {
        APIGatewayV2HTTPResponse response = h.handleRequest(get("/auth", null), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return body(response).get("token").asText();
    }

    private long count(TrackerHandler h, String path, String token) throws Exception {
        APIGatewayV2HTTPResponse response = h.handleRequest(get(path, token), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return body(response).get("count").asLong();
    }

    @Test
    void the_issue_curl_series_holds_exactly() throws Exception {
        String a = auth(handler);
        assertThat(count(handler, "/", a)).isEqualTo(1);
        assertThat(count(handler, "/", a)).isEqualTo(2);
        assertThat(count(handler, "/my/path", a)).isEqualTo(1);
        String b = auth(handler);
        assertThat(b).isNotEqualTo(a);
        assertThat(count(handler, "/", b)).isEqualTo(1);
        assertThat(count(handler, "/", a)).isEqualTo(3);
    }

    @Test
    void an_event_as_aws_emits_it_is_counted_without_its_query_string() throws Exception {
        String token = auth(handler);
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw_tracker_count_event.json");
        event.getHeaders().put("authorization", token);

        assertThat(body(handler.handleRequest(event, null)).get("count").asLong()).isEqualTo(1);
        assertThat(count(handler, "/my/path", token)).isEqualTo(2);
    }

    @Test
    void missing_malformed_and_unknown_tokens_get_401_with_a_message() throws Exception {
        for (String token : new String[] {null, "", "not-a-uuid", UUID.randomUUID().toString()}) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(get("/", token), null);
            assertThat(response.getStatusCode()).as("token %s", token).isEqualTo(401);
            assertThat(body(response).get("error").asText()).isNotBlank();
        }
    }

    @Test
    void a_bearer_prefix_is_tolerated() throws Exception {
        String token = auth(handler);
        assertThat(count(handler, "/", "Bearer " + token)).isEqualTo(1);
    }

    @Test
    void an_over_long_path_gets_414() throws Exception {
        String token = auth(handler);
        APIGatewayV2HTTPResponse response = handler.handleRequest(get("/" + "x".repeat(1024), token), null);
        assertThat(response.getStatusCode()).isEqualTo(414);
        assertThat(body(response).get("error").asText()).contains("1025 bytes");
    }

    @Test
    void other_methods_get_405() throws Exception {
        APIGatewayV2HTTPEvent post = get("/auth", null);
        post.getRequestContext().getHttp().setMethod("POST");
        APIGatewayV2HTTPResponse response = handler.handleRequest(post, null);
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(body(response).get("error").asText()).contains("POST");
    }

    @Test
    void an_empty_event_gets_401_not_500() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(new APIGatewayV2HTTPEvent(), null);
        assertThat(response.getStatusCode()).isEqualTo(401);
    }

    @Test
    void a_store_failure_gets_503_not_500() throws Exception {
        TrackerHandler broken = new TrackerHandler(new TrackerService(
                new DynamoDbTrackerStore(LocalDynamoDb.client(), "no-such-table"), Clock.systemUTC()));
        APIGatewayV2HTTPResponse response = broken.handleRequest(get("/auth", null), null);
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(body(response).get("error").asText()).isNotBlank();
    }

    @Test
    void three_handlers_on_one_table_count_exactly_under_concurrency() throws Exception {
        List<TrackerHandler> instances = List.of(handler, newHandler(), newHandler());
        List<String> tokens = List.of(auth(handler), auth(handler), auth(handler));
        List<String> paths = List.of("/", "/a", "/a/b", "/c?q=1");
        int requests = 1203;
        Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String token = tokens.get(i % tokens.size());
                String path = paths.get((i / tokens.size()) % paths.size());
                TrackerHandler h = instances.get(i % instances.size());
                expected.computeIfAbsent(token + " " + path.replaceAll("\\?.*", ""), k -> new AtomicLong()).incrementAndGet();
                done.add(pool.submit(() -> count(h, path, token)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (Map.Entry<String, AtomicLong> e : expected.entrySet()) {
            String[] tokenAndPath = e.getKey().split(" ");
            assertThat(count(handler, tokenAndPath[1], tokenAndPath[0]) - 1).as(e.getKey()).isEqualTo(e.getValue().get());
        }
    }
}
