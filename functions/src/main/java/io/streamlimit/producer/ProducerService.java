package io.streamlimit.producer;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.Identifiers;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Publishes a run's events. A request is one of:
 * <ul>
 *   <li>{@code {"events":[{...}, ...]}}: these events, validated as the consumer would;</li>
 *   <li>{@code {"count":1000,"users":200,"runId":"r1"}}: {@code count} generated opens over
 *       {@code users} uids (default 1), numbered 1..count, {@code runId} defaulting to
 *       {@code run-<epoch ms>}.</li>
 * </ul>
 */
public final class ProducerService {

    /** Largest request accepted: Lambda's synchronous payload limit is 6 MB. */
    static final int MAX_REQUEST_BYTES = 6_000_000;
    public static final int MAX_COUNT = 1_000_000;

    /** What one request published. */
    public record Result(String runId, int published) {
    }

    private final EventParser parser;
    private final EventPublisher publisher;
    private final Clock clock;

    public ProducerService(EventParser parser, EventPublisher publisher, Clock clock) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws InvalidEventException naming the field of the request at fault */
    public Result run(String requestJson) {
        JsonNode request = parser.readJson("request", requestJson, MAX_REQUEST_BYTES);
        if (!request.isObject()) {
            throw new InvalidEventException("request", "must be a JSON object with \"events\" or \"count\"");
        }
        List<StreamEvent> events = request.has("events") ? listed(request.get("events")) : generated(request);
        publisher.publish(events);
        String runId = events.isEmpty() ? null : events.get(0).runId();
        return new Result(runId, events.size());
    }

    private List<StreamEvent> listed(JsonNode array) {
        if (!array.isArray()) {
            throw new InvalidEventException("events", "must be an array of events");
        }
        List<StreamEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                events.add(parser.parse(array.get(i).toString()));
            } catch (InvalidEventException e) {
                throw e.within("events[" + i + "]");
            }
        }
        return events;
    }

    private List<StreamEvent> generated(JsonNode request) {
        int count = intField(request, "count", -1, 0, MAX_COUNT);
        int users = intField(request, "users", 1, 1, MAX_COUNT);
        String runId = request.hasNonNull("runId")
                ? Identifiers.require("runId", request.get("runId").asText())
                : "run-" + clock.millis();
        return EventGenerator.opens(runId, count, users, clock.instant());
    }

    private static int intField(JsonNode request, String field, int fallback, int min, int max) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            if (fallback < 0) {
                throw new InvalidEventException(field, "missing; give \"events\" or \"count\"");
            }
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < min || node.intValue() > max) {
            throw new InvalidEventException(field, "must be an integer from " + min + " to " + max + ", got " + node);
        }
        return node.intValue();
    }
}
