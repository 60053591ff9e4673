package io.streamlimit.local.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.local.kinesis.KinesisEventPublisher;
import io.streamlimit.producer.PublishFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * {@code POST /records} of the local HTTP API: what the CDK app's API Gateway -> Kinesis proxy
 * does in AWS (an AWS integration to PutRecords, no Lambda). One event or an array of up to 500
 * (one PutRecords), put into the stream with the uid as partition key: 202 {@code {"accepted":N}}.
 * Each shard's write limits apply as in AWS: PutRecords puts what the shards take and reports the
 * rest per record (ProvisionedThroughputExceededException); as the CDK app's response template
 * does, the route then answers 503 {@code {"accepted":A,"failed":F,"records":[...]}} with each
 * record's result in order, so the caller retries exactly the failed ones. Bad input 400 naming
 * the field, a wrong method 405, the stream unreachable 503. Every other path goes to the API's handler.
 */
public final class RecordsRoute implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final String PATH = "/records";
    private static final Logger LOG = LoggerFactory.getLogger(RecordsRoute.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;
    private final KinesisEventPublisher stream;
    private final EventParser parser = new EventParser();

    public RecordsRoute(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api, KinesisEventPublisher stream) {
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
            List<StreamEvent> events = parser.parseBatch(body(event), KinesisEventPublisher.MAX_ENTRIES);
            List<PutRecordsResultEntry> results = stream.putOnce(events);
            int failed = (int) results.stream().filter(r -> r.errorCode() != null).count();
            if (failed == 0) {
                return reply(202, JSON.createObjectNode().put("accepted", events.size()).toString());
            }
            ObjectNode body = JSON.createObjectNode().put("accepted", events.size() - failed).put("failed", failed);
            ArrayNode records = body.putArray("records");
            results.forEach(r -> records.add(result(r)));
            return reply(503, body.toString());
        } catch (InvalidEventException e) {
            return reply(400, error(e.getMessage()));
        } catch (PublishFailedException e) {
            LOG.error("POST {} failed: {}", PATH, e.toString());
            return reply(503, error("service unavailable, retry later"));
        }
    }

    /** A record's result as Kinesis's JSON protocol spells it, which the proxy passes through. */
    private static ObjectNode result(PutRecordsResultEntry r) {
        ObjectNode node = JSON.createObjectNode();
        if (r.errorCode() != null) {
            return node.put("ErrorCode", r.errorCode()).put("ErrorMessage", r.errorMessage());
        }
        return node.put("SequenceNumber", r.sequenceNumber()).put("ShardId", r.shardId());
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
