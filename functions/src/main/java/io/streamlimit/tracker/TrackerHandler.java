package io.streamlimit.tracker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The tracker API behind an HTTP API (payload v2): {@code GET /auth} issues a token, any other
 * {@code GET} counts the path for the token in the {@code Authorization} header.
 */
public final class TrackerHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrackerService service;

    /** For Lambda: the environment is read once, here. */
    public TrackerHandler() {
        this(serviceFrom(TrackerSettings.fromEnv(System.getenv())));
    }

    public TrackerHandler(TrackerService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        TrackerRequest request = TrackerRequest.of(event);
        if (!"GET".equals(request.method())) {
            return json(405, Map.of("error", "method " + request.method() + " not allowed: the tracker answers GET"));
        }
        try {
            if ("/auth".equals(request.path())) {
                return json(200, Map.of("token", service.issueToken()));
            }
            return json(200, Map.of("count", service.count(request.token(), request.path())));
        } catch (InvalidTokenException e) {
            return json(401, Map.of("error", e.getMessage()));
        } catch (PathTooLongException e) {
            return json(414, Map.of("error", e.getMessage()));
        } catch (TrackerUnavailableException e) {
            return json(503, Map.of("error", "the tracker's store is unavailable; try again"));
        }
    }

    private static APIGatewayV2HTTPResponse json(int status, Map<String, ?> body) {
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
    }

    private static TrackerService serviceFrom(TrackerSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        settings.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return new TrackerService(new DynamoDbTrackerStore(builder.build(), settings.tableName()), Clock.systemUTC());
    }
}
