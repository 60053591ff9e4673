package io.streamlimit.local.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.producer.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API as the local stack serves it: {@code POST /events} publishes to the topic (in AWS
 * an API Gateway service integration does this, with no Lambda), every other route goes to the
 * check handler, unchanged.
 */
public final class LocalHttpApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> checkHandler;
    private final EventParser parser;
    private final EventPublisher publisher;

    public LocalHttpApi(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> checkHandler,
            EventParser parser, EventPublisher publisher) {
        this.checkHandler = checkHandler;
        this.parser = parser;
        this.publisher = publisher;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        if (!"/events".equals(request.getRawPath())) {
            return checkHandler.handleRequest(request, context);
        }
        if (!"POST".equals(request.getRequestContext().getHttp().getMethod())) {
            return json(405, Map.of("error", "/events takes POST"));
        }
        String body = request.getBody() == null ? "" : request.getBody();
        if (request.getIsBase64Encoded()) {
            body = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        }
        List<StreamEvent> events;
        try {
            events = parser.parseBatch(body);
        } catch (InvalidEventException e) {
            return json(400, Map.of("error", e.getMessage()));
        }
        publisher.publish(events);
        return json(202, Map.of("accepted", events.size()));
    }

    private static APIGatewayV2HTTPResponse json(int status, Map<String, Object> body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
