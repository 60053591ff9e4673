package io.streamlimit.tracker;

import io.streamlimit.testing.LocalDynamoDb;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tracker's contract behind a REST API (the WAF-guarded deployment), on DynamoDB Local. */
class TrackerRestHandlerTest {

    private final TrackerRestHandler handler = new TrackerRestHandler(new TrackerService(
            new DynamoDbTrackerStore(LocalDynamoDb.client(), LocalDynamoDb.newTrackerTable()), Clock.systemUTC()));

    /** The AWS-shaped fixture, its path and Authorization header replaced. */
    private static APIGatewayProxyRequestEvent get(String path, String token) {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/apigw_rest_tracker_count_event.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("Authorization");
        if (token != null) {
            headers.put("Authorization", token);
        }
        return event.withPath(path).withHeaders(headers);
    }

    @Test
    void auth_issues_a_token_that_counts_per_path_with_or_without_a_bearer_prefix() {
        APIGatewayProxyResponseEvent auth = handler.handleRequest(get("/auth", null), null);
        assertThat(auth.getStatusCode()).isEqualTo(200);
        assertThat(auth.getHeaders()).containsEntry("Content-Type", "application/json");
        String token = auth.getBody().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        assertThat(handler.handleRequest(get("/my/path", token), null).getBody()).isEqualTo("{\"count\":1}");
        assertThat(handler.handleRequest(get("/my/path", "Bearer " + token), null).getBody()).isEqualTo("{\"count\":2}");
        assertThat(handler.handleRequest(get("/other", token), null).getBody()).isEqualTo("{\"count\":1}");
    }

    @Test
    void missing_and_unknown_tokens_get_401() {
        APIGatewayProxyResponseEvent missing = handler.handleRequest(get("/my/path", null), null);
        assertThat(missing.getStatusCode()).isEqualTo(401);
        assertThat(missing.getBody()).contains("missing token");
        APIGatewayProxyResponseEvent unknown = handler.handleRequest(get("/my/path", UUID.randomUUID().toString()), null);
        assertThat(unknown.getStatusCode()).isEqualTo(401);
        assertThat(unknown.getBody()).isEqualTo("{\"error\":\"unknown or expired token: get one from GET /auth\"}");
    }
}
