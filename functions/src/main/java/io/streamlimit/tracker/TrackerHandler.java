package io.streamlimit.tracker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.streamlimit.settings.Wiring;
import java.util.Map;

/** HTTP API (payload 2.0) -> {@link TrackerService}. */
public final class TrackerHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final TrackerService service;

    /** For Lambda: the environment is read once, here. */
    public TrackerHandler() {
        this(Wiring.trackerService(TrackerSettings.fromEnv(System.getenv())));
    }

    public TrackerHandler(TrackerService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        TrackerResponse response = service.handle(TrackerRequest.of(event));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(Map.of("Content-Type", TrackerResponse.CONTENT_TYPE))
                .withBody(response.body())
                .build();
    }
}
