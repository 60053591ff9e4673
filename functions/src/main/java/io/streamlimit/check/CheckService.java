package io.streamlimit.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.Identifiers;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.AcquireResult;
import io.streamlimit.ledger.CheckResult;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerContentionException;
import io.streamlimit.ledger.LedgerStoreException;
import io.streamlimit.ledger.Outcome;
import io.streamlimit.producer.EventPublisher;
import io.streamlimit.producer.PublishFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (the README's "The HTTP API") over the ledger:
 * <ul>
 *   <li>{@code GET /check/{uid}}: 200 {@code {"uid","open","limit","allowed"}};</li>
 *   <li>{@code POST /acquire {"uid","streamId"}}: 200 {@code {"allowed":true,"open","limit","leaseExpiresAt"}}
 *       or 429 {@code {"allowed":false,"open","limit"}};</li>
 *   <li>{@code POST /release {"uid","streamId"}}: 200 {@code {"outcome","open","limit"}}, as a close event;</li>
 *   <li>{@code POST /events}, one event or an array of up to 10, only when built with a publisher:
 *       202 {@code {"accepted":N}};</li>
 *   <li>bad input: 400 {@code {"error":"<field>: <problem>"}}; unknown path 404; wrong method 405;
 *       ledger or topic unreachable 503.</li>
 * </ul>
 */
public final class CheckService {

    private static final Logger LOG = LoggerFactory.getLogger(CheckService.class);
    /** {@code {"uid","streamId"}} fits in far less; anything bigger is not a real request. */
    static final int MAX_REQUEST_BYTES = 16_384;
    private static final String CHECK_PREFIX = "/check/";

    private final Ledger ledger;
    private final EventPublisher publisher;
    private final EventParser parser = new EventParser();
    private final ObjectMapper json = new ObjectMapper();

    public CheckService(Ledger ledger) {
        this(ledger, null);
    }

    /** @param publisher where {@code POST /events} publishes; null leaves that route out */
    public CheckService(Ledger ledger, EventPublisher publisher) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.publisher = publisher;
    }

    public ApiResponse handle(ApiRequest request) {
        String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        String path = request.path() == null ? "" : request.path();
        try {
            if (path.startsWith(CHECK_PREFIX) || path.equals("/check")) {
                requireMethod("GET", method, path);
                return check(path);
            }
            switch (path) {
                case "/acquire":
                    requireMethod("POST", method, path);
                    return acquire(body(request));
                case "/release":
                    requireMethod("POST", method, path);
                    return release(body(request));
                case "/events":
                    if (publisher != null) {
                        requireMethod("POST", method, path);
                        return publish(body(request));
                    }
                    break;
                default:
                    break;
            }
            return error(404, "no route for " + method + " " + shorten(path));
        } catch (InvalidEventException e) {
            return error(400, e.getMessage());
        } catch (MethodNotAllowed e) {
            return error(405, e.getMessage());
        } catch (LedgerStoreException | LedgerContentionException | PublishFailedException e) {
            LOG.error("{} {} failed: {}", method, shorten(path), e.toString());
            return error(503, "service unavailable, retry later");
        }
    }

    private ApiResponse check(String path) {
        if (path.length() <= CHECK_PREFIX.length() - 1) {
            throw new InvalidEventException("uid", "missing from the path; use GET /check/{uid}");
        }
        String uid = Identifiers.require("uid", RequestPaths.decodeSegment("uid", path.substring(CHECK_PREFIX.length())));
        CheckResult result = ledger.check(uid);
        ObjectNode body = json.createObjectNode()
                .put("uid", result.uid())
                .put("open", result.open())
                .put("limit", result.limit())
                .put("allowed", result.allowed());
        return new ApiResponse(200, body.toString());
    }

    private ApiResponse acquire(String body) {
        StreamRef ref = streamRef(body);
        AcquireResult result = ledger.acquire(ref.uid(), ref.streamId());
        ObjectNode answer = json.createObjectNode()
                .put("allowed", result.allowed())
                .put("open", result.open())
                .put("limit", result.limit());
        if (result.leaseExpiresAt() != null) {
            answer.put("leaseExpiresAt", result.leaseExpiresAt().toString());
        }
        return new ApiResponse(result.allowed() ? 200 : 429, answer.toString());
    }

    private ApiResponse release(String body) {
        StreamRef ref = streamRef(body);
        Outcome outcome = ledger.release(ref.uid(), ref.streamId());
        CheckResult after = ledger.check(ref.uid());
        ObjectNode answer = json.createObjectNode()
                .put("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .put("open", after.open())
                .put("limit", after.limit());
        return new ApiResponse(200, answer.toString());
    }

    private ApiResponse publish(String body) {
        List<StreamEvent> events = parser.parseBatch(body);
        publisher.publish(events);
        return new ApiResponse(202, json.createObjectNode().put("accepted", events.size()).toString());
    }

    private record StreamRef(String uid, String streamId) {
    }

    private StreamRef streamRef(String body) {
        JsonNode node = parser.readJson("body", body, MAX_REQUEST_BYTES);
        if (!node.isObject()) {
            throw new InvalidEventException("body", "must be a JSON object {\"uid\",\"streamId\"}, got "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return new StreamRef(Identifiers.require("uid", text(node, "uid")),
                Identifiers.require("streamId", text(node, "streamId")));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEventException(field, "must be a string, got "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }

    private static String body(ApiRequest request) {
        if (!request.base64Encoded() || request.body() == null) {
            return request.body();
        }
        try {
            return new String(Base64.getDecoder().decode(request.body()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("body", "marked base64-encoded but is not valid base64");
        }
    }

    private ApiResponse error(int status, String message) {
        return new ApiResponse(status, json.createObjectNode().put("error", message).toString());
    }

    private static void requireMethod(String expected, String method, String path) {
        if (!expected.equals(method)) {
            throw new MethodNotAllowed(method + " not allowed on " + shorten(path) + "; use " + expected);
        }
    }

    private static String shorten(String path) {
        return path.length() > 80 ? path.substring(0, 80) + "..." : path;
    }

    private static final class MethodNotAllowed extends RuntimeException {
        MethodNotAllowed(String message) {
            super(message);
        }
    }
}
