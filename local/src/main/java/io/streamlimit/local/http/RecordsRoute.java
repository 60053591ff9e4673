package io.streamlimit.local.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.producer.EventPublisher;
import io.streamlimit.producer.PublishFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /records} of the local HTTP API: what the CDK app's API Gateway -> Kinesis proxy
 * does in AWS (an AWS integration to PutRecords, no Lambda). The same body as {@code POST /events}
 * (one event or an array of up to 10), put into the stream with the uid as partition key: 202
 * {@code {"accepted":N}}; bad input 400 naming the field, a wrong method 405, the stream refusing
 * 503. Every other path goes to the API's handler.
 */
public final class RecordsRoute implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final String PATH = "/records";
    private static final Logger LOG = LoggerFactory.getLogger(RecordsRoute.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;
    private final EventPublisher stream;
    private final EventParser parser = new EventParser();

    public RecordsRoute(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api, EventPublisher stream) {
        this.api = api;
        this.stream = stream;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (!PATH.equals(event.getRawPath())) {
            return api.handleRequest(event, context);
        }
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? ""
                : event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("POST")) {
            return reply(405, error(method + " not allowed on " + PATH + "; use POST"));
        }
        try {
            List<StreamEvent> events = parser.parseBatch(body(event));
            stream.publish(events);
            return reply(202, JSON.createObjectNode().put("accepted", events.size()).toString());
        } catch (InvalidEventException e) {
            return reply(400, error(e.getMessage()));
        } catch (PublishFailedException e) {
            LOG.error("POST {} failed: {}", PATH, e.toString());
            return reply(503, error("service unavailable, retry later"));
        }
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        if (!event.getIsBase64Encoded() || event.getBody() == null) {
            return event.getBody();
        }
        try {
            return new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("body", "marked base64-encoded but is not valid base64");
        }
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    private static APIGatewayV2HTTPResponse reply(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json")).withBody(body).build();
    }
}
