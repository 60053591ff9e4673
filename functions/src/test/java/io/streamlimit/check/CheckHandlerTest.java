package io.streamlimit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.LedgerStoreException;
import io.streamlimit.ledger.UidLedger;
import io.streamlimit.testing.LocalDynamoDb;
import io.streamlimit.runtime.FunctionContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The check API on HTTP API (payload 2.0) events, over the ledger on dynalite. */
class CheckHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UID_RULE = "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -";

    private final ManualClock clock = ManualClock.startingNow();
    private Ledger ledger;
    private CheckHandler handler;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LocalDynamoDb.newLedgerStore(), LedgerSettings.defaults(), clock);
        handler = new CheckHandler(new CheckService(ledger));
    }

    @Test
    void check_answers_200_with_the_open_count_and_whether_one_more_fits() throws Exception {
        ledger.acquire("player-42", "s-1");
        ledger.acquire("player-42", "s-2");

        APIGatewayV2HTTPResponse response = call(EventLoader.loadApiGatewayHttpEvent("events/apigw_check_event.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(JSON.readTree(response.getBody()))
                .isEqualTo(JSON.readTree("{\"uid\":\"player-42\",\"open\":2,\"limit\":3,\"allowed\":true}"));
    }

    @Test
    void acquire_answers_200_until_the_limit_then_429() throws Exception {
        for (int i = 1; i <= 3; i++) {
            APIGatewayV2HTTPResponse response = call(acquireEvent("{\"uid\":\"player-42\",\"streamId\":\"s-" + i + "\"}"));
            JsonNode body = JSON.readTree(response.getBody());
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(body.get("allowed").booleanValue()).isTrue();
            assertThat(body.get("open").intValue()).isEqualTo(i);
            assertThat(body.get("limit").intValue()).isEqualTo(3);
            assertThat(body.get("leaseExpiresAt").textValue())
                    .isEqualTo(clock.instant().plus(LedgerSettings.DEFAULT_LEASE).toString());
        }

        APIGatewayV2HTTPResponse denied = call(acquireEvent("{\"uid\":\"player-42\",\"streamId\":\"s-4\"}"));

        assertThat(denied.getStatusCode()).isEqualTo(429);
        assertThat(JSON.readTree(denied.getBody()))
                .isEqualTo(JSON.readTree("{\"allowed\":false,\"open\":3,\"limit\":3}"));
    }

    @Test
    void acquiring_the_same_stream_again_is_200_and_not_counted_twice() throws Exception {
        call(EventLoader.loadApiGatewayHttpEvent("events/apigw_acquire_event.json"));

        APIGatewayV2HTTPResponse again = call(EventLoader.loadApiGatewayHttpEvent("events/apigw_acquire_event.json"));

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.getBody()).get("open").intValue()).isEqualTo(1);
    }

    @Test
    void release_frees_the_slot() throws Exception {
        call(EventLoader.loadApiGatewayHttpEvent("events/apigw_acquire_event.json"));

        APIGatewayV2HTTPResponse released = call(EventLoader.loadApiGatewayHttpEvent("events/apigw_release_event.json"));

        assertThat(released.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(released.getBody()))
                .isEqualTo(JSON.readTree("{\"outcome\":\"closed\",\"open\":0,\"limit\":3}"));
    }

    @Test
    void a_base64_encoded_body_is_decoded() throws Exception {
        APIGatewayV2HTTPEvent event = acquireEvent(base64("{\"uid\":\"player-42\",\"streamId\":\"s-1\"}"));
        event.setIsBase64Encoded(true);

        assertThat(call(event).getStatusCode()).isEqualTo(200);
    }

    @Test
    void a_named_stage_prefix_is_ignored() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw_check_event.json");
        event.getRequestContext().setStage("prod");
        event.setRawPath("/prod/check/player-42");

        assertThat(call(event).getStatusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_route_is_404_and_a_wrong_method_405() {
        APIGatewayV2HTTPEvent unknown = EventLoader.loadApiGatewayHttpEvent("events/apigw_check_event.json");
        unknown.setRawPath("/admin");
        APIGatewayV2HTTPEvent wrongMethod = EventLoader.loadApiGatewayHttpEvent("events/apigw_acquire_event.json");
        wrongMethod.getRequestContext().getHttp().setMethod("GET");

        assertThat(call(unknown).getStatusCode()).isEqualTo(404);
        assertThat(call(unknown).getBody()).contains("no route for GET /admin");
        assertThat(call(wrongMethod).getStatusCode()).isEqualTo(405);
        assertThat(call(wrongMethod).getBody()).contains("use POST");
    }

    @Test
    void events_are_not_served_without_a_publisher() {
        APIGatewayV2HTTPEvent event = acquireEvent("{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\"}");
        event.setRawPath("/events");

        assertThat(call(event).getStatusCode()).isEqualTo(404);
    }

    @Test
    void an_unreachable_ledger_is_503_not_500() throws Exception {
        LedgerStore down = new LedgerStore() {
            @Override
            public UidLedger read(String uid) {
                throw new LedgerStoreException("connection refused", null);
            }

            @Override
            public boolean compareAndSet(UidLedger next, long expectedVersion) {
                throw new LedgerStoreException("connection refused", null);
            }
        };
        CheckHandler failing = new CheckHandler(new CheckService(new Ledger(down, LedgerSettings.defaults(), clock)));

        APIGatewayV2HTTPResponse response = failing.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/apigw_check_event.json"), FunctionContext.forRequest("r"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.getBody()).get("error").textValue()).isNotBlank();
    }

    static Stream<Arguments> bad_acquire_bodies() {
        return Stream.of(
                Arguments.of("a body that is not JSON", "uid=player-42", "body: not valid JSON"),
                Arguments.of("no body", null, "body: empty"),
                Arguments.of("an empty body", "", "body: empty"),
                Arguments.of("an array", "[\"player-42\",\"s-1\"]", "body: must be a JSON object {\"uid\",\"streamId\"}, got array"),
                Arguments.of("a uid of 129 characters", "{\"uid\":\"" + "u".repeat(129) + "\",\"streamId\":\"s-1\"}",
                        "uid: " + UID_RULE + ", got 129 characters"),
                Arguments.of("a uid with /", "{\"uid\":\"player/42\",\"streamId\":\"s-1\"}", "uid: " + UID_RULE + ", got '/' at position 7"),
                Arguments.of("a uid with a space", "{\"uid\":\"player 42\",\"streamId\":\"s-1\"}", "uid: " + UID_RULE + ", got a space at position 7"),
                Arguments.of("an empty uid", "{\"uid\":\"\",\"streamId\":\"s-1\"}", "uid: " + UID_RULE + ", got 0 characters"),
                Arguments.of("a missing uid", "{\"streamId\":\"s-1\"}", "uid: missing; " + UID_RULE),
                Arguments.of("a null uid", "{\"uid\":null,\"streamId\":\"s-1\"}", "uid: missing; " + UID_RULE),
                Arguments.of("a missing streamId", "{\"uid\":\"player-42\"}", "streamId: missing; " + UID_RULE),
                Arguments.of("a numeric uid", "{\"uid\":42,\"streamId\":\"s-1\"}", "uid: must be a string, got number"),
                Arguments.of("a streamId object", "{\"uid\":\"player-42\",\"streamId\":{\"id\":1}}", "streamId: must be a string, got object"),
                Arguments.of("a duplicated key", "{\"uid\":\"a\",\"uid\":\"b\",\"streamId\":\"s-1\"}", "body: not valid JSON"),
                Arguments.of("deep nesting", "[".repeat(5_000), "body: JSON too deeply nested"),
                Arguments.of("a body over 16 KiB", "{\"uid\":\"player-42\",\"streamId\":\"s-1\",\"pad\":\"" + "x".repeat(20_000) + "\"}",
                        "body: over 16384 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bad_acquire_bodies(String name, String body, String expectedError) throws Exception {
        APIGatewayV2HTTPResponse response = call(acquireEvent(body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("error").textValue()).startsWith(expectedError);
    }

    static Stream<Arguments> bad_check_paths() {
        return Stream.of(
                Arguments.of("/check/" + "u".repeat(129), "uid: " + UID_RULE + ", got 129 characters"),
                Arguments.of("/check/player%2F42", "uid: " + UID_RULE + ", got '/' at position 7"),
                Arguments.of("/check/player/42", "uid: " + UID_RULE + ", got '/' at position 7"),
                Arguments.of("/check/player%2042", "uid: " + UID_RULE + ", got a space at position 7"),
                Arguments.of("/check/player%zz", "uid: malformed percent-encoding in the path at position 7"),
                Arguments.of("/check/", "uid: " + UID_RULE + ", got 0 characters"),
                Arguments.of("/check", "uid: missing from the path"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource
    void bad_check_paths(String path, String expectedError) throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw_check_event.json");
        event.setRawPath(path);

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("error").textValue()).startsWith(expectedError);
    }

    @Test
    void a_body_marked_base64_that_is_not_is_400() throws Exception {
        APIGatewayV2HTTPEvent event = acquireEvent("{not base64}");
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("error").textValue())
                .isEqualTo("body: marked base64-encoded but is not valid base64");
    }

    @Test
    void an_event_without_request_context_is_404_not_500() {
        assertThat(call(new APIGatewayV2HTTPEvent()).getStatusCode()).isEqualTo(404);
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, FunctionContext.forRequest("request"));
    }

    private static APIGatewayV2HTTPEvent acquireEvent(String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw_acquire_event.json");
        event.setBody(body);
        return event;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
