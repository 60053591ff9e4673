package io.streamlimit.tracker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.streamlimit.settings.Wiring;
import java.util.Map;

/**
 * REST API (Lambda proxy, payload 1.0) -> {@link TrackerService}: the tracker behind a REST API
 * stage, which AWS WAF can guard and an HTTP API cannot; the same contract as {@link TrackerHandler}.
 */
public final class TrackerRestHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final TrackerService service;

    /** For Lambda: the environment is read once, here. */
    public TrackerRestHandler() {
        this(Wiring.trackerService(TrackerSettings.fromEnv(System.getenv())));
    }

    public TrackerRestHandler(TrackerService service) {
        this.service = service;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        TrackerResponse response = service.handle(TrackerRequest.of(event));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(Map.of("Content-Type", TrackerResponse.CONTENT_TYPE))
                .withBody(response.body());
    }
}
