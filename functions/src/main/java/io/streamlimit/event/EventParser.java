package io.streamlimit.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates events as players publish them (docs/ARCHITECTURE.md, "An event's way through").
 *
 * <p>Accepts a raw event or one wrapped in the SNS JSON envelope, so the consumer reads
 * raw-delivery and enveloped queues alike. Every problem becomes an {@link InvalidEventException}
 * naming the field; no Jackson exception ever escapes. Thread-safe.
 */
public final class EventParser {

    /** SNS's message size limit (256 KiB): no event is bigger. */
    public static final int MAX_EVENT_BYTES = 262_144;
    /** SQS's message size limit (1 MiB): room for an envelope around a full-size event. */
    public static final int MAX_BODY_BYTES = 1_048_576;
    /** Most events accepted at once: one SNS PublishBatch. */
    public static final int MAX_BATCH = 10;
    /** Events are flat; a shallow cap turns hostile nesting into a clean error, not a stack overflow. */
    static final int MAX_NESTING_DEPTH = 32;
    private static final int MAX_RUN_ID_LENGTH = 128;

    private final ObjectMapper mapper;

    public EventParser() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_BODY_BYTES)
                        .maxNumberLength(40)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses one event, raw or inside an SNS envelope. */
    public StreamEvent parse(String body) {
        JsonNode node = readTree("body", body, MAX_BODY_BYTES);
        JsonNode event = unwrapSnsEnvelope(node);
        if (event == node) {
            requireSize("body", body, MAX_EVENT_BYTES);
        }
        return toEvent(event);
    }

    /**
     * Parses the body of {@code POST /events}: one event, or a JSON array of 1 to 10. The whole
     * body is capped at 256 KiB, SNS PublishBatch's aggregate limit.
     */
    public List<StreamEvent> parseBatch(String body) {
        return parseBatch(body, MAX_BATCH);
    }

    /**
     * As {@link #parseBatch(String)}, with up to {@code maxEvents} in the array: {@code POST /records}
     * takes as many as one Kinesis PutRecords (500), in the same 256 KiB body.
     */
    public List<StreamEvent> parseBatch(String body, int maxEvents) {
        JsonNode node = readTree("body", body, MAX_EVENT_BYTES);
        if (!node.isArray()) {
            return List.of(toEvent(unwrapSnsEnvelope(node)));
        }
        if (node.isEmpty() || node.size() > maxEvents) {
            throw new InvalidEventException("body", "must hold 1 to " + maxEvents + " events, got " + node.size());
        }
        List<StreamEvent> events = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            try {
                events.add(toEvent(node.get(i)));
            } catch (InvalidEventException e) {
                throw e.within("events[" + i + "]");
            }
        }
        return events;
    }

    /**
     * Reads any small JSON document with the same limits as events (size, nesting, duplicate
     * keys), for request bodies that are not events, such as {@code POST /acquire}.
     */
    public JsonNode readJson(String field, String json, int maxBytes) {
        return readTree(field, json, maxBytes);
    }

    private JsonNode readTree(String field, String json, int maxBytes) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException(field, "empty; expected a JSON object");
        }
        requireSize(field, json, maxBytes);
        try {
            return mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new InvalidEventException(field, "JSON too deeply nested or too large (at most "
                    + MAX_NESTING_DEPTH + " levels)");
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(field, "not valid JSON" + where(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // Defensive: whatever Jackson throws must not escape as anything but a bad-input error.
            throw new InvalidEventException(field, "not valid JSON");
        }
    }

    private JsonNode unwrapSnsEnvelope(JsonNode node) {
        if (!node.isObject() || !"Notification".equals(node.path("Type").asText(null))) {
            return node;
        }
        JsonNode message = node.get("Message");
        if (message == null || !message.isTextual()) {
            throw new InvalidEventException("Message", "the SNS envelope must carry the event as a string");
        }
        String text = message.textValue();
        requireSize("Message", text, MAX_EVENT_BYTES);
        return readTree("Message", text, MAX_EVENT_BYTES);
    }

    private StreamEvent toEvent(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidEventException("body", "must be a JSON object, got " + kind(node));
        }
        EventType type = type(node.get("type"));
        String uid = Identifiers.require("uid", text(node, "uid", Identifiers.RULE));
        String streamId = Identifiers.require("streamId", text(node, "streamId", Identifiers.RULE));
        return new StreamEvent(type, uid, streamId, at(node.get("at")), runId(node.get("runId")), seq(node.get("seq")));
    }

    private static EventType type(JsonNode node) {
        String rule = "must be \"open\" or \"close\"";
        if (absent(node)) {
            throw new InvalidEventException("type", "missing; " + rule);
        }
        if (!node.isTextual()) {
            throw new InvalidEventException("type", rule + ", got " + kind(node));
        }
        EventType type = EventType.fromWireName(node.textValue());
        if (type == null) {
            throw new InvalidEventException("type", rule + ", got " + quote(node.textValue()));
        }
        return type;
    }

    private static String text(JsonNode object, String field, String rule) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidEventException(field, rule + ", got " + kind(node));
        }
        return node.textValue();
    }

    private static Instant at(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        String rule = "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z";
        if (!node.isTextual()) {
            throw new InvalidEventException("at", rule + ", got " + kind(node));
        }
        try {
            return Instant.parse(node.textValue());
        } catch (DateTimeException e) {
            throw new InvalidEventException("at", rule + ", got " + quote(node.textValue()));
        }
    }

    private static String runId(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        String rule = "must be 1 to " + MAX_RUN_ID_LENGTH + " printable characters";
        if (!node.isTextual()) {
            throw new InvalidEventException("runId", rule + ", got " + kind(node));
        }
        String value = node.textValue();
        if (value.isEmpty() || value.length() > MAX_RUN_ID_LENGTH) {
            throw new InvalidEventException("runId", rule + ", got " + value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidEventException("runId", rule + ", got "
                        + Identifiers.describe(value.charAt(i)) + " at position " + (i + 1));
            }
        }
        return value;
    }

    private static Long seq(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        String rule = "must be a non-negative integer";
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidEventException("seq", rule + ", got " + (node.isNumber() ? node.asText() : kind(node)));
        }
        long value = node.longValue();
        if (value < 0) {
            throw new InvalidEventException("seq", rule + ", got " + value);
        }
        return value;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Quotes a caller's value for a message, shortened so errors stay readable. */
    static String quote(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder out = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            out.append(Character.isISOControl(c) ? "?" : String.valueOf(c));
        }
        return out.append('"').toString();
    }

    private static void requireSize(String field, String text, int maxBytes) {
        long bytes = utf8Length(text, maxBytes);
        if (bytes > maxBytes) {
            throw new InvalidEventException(field, "over " + maxBytes + " bytes");
        }
    }

    /** UTF-8 length, counting no further than just past {@code cap}. */
    private static long utf8Length(String s, int cap) {
        if (s.length() > cap) {
            return s.length();
        }
        long bytes = 0;
        for (int i = 0; i < s.length() && bytes <= cap; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
