package io.streamlimit.local.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.EventWriter;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Message bodies as the queue carries them: good events, raw or in the SNS envelope, and poison. */
public final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventParser PARSER = new EventParser();

    /** The kinds of malformed message the chaos run mixes into batches. */
    private static final List<String> POISON_KINDS = List.of("not-json", "truncated", "unknown-type", "missing-uid",
            "bad-uid", "long-stream", "number-uid", "envelope-object", "envelope-garbage", "deep-nesting",
            "duplicate-key", "trailing", "bad-at", "empty-object", "array", "oversize");

    private Bodies() {
    }

    /** The event as JSON, wrapped in the SNS envelope when {@code enveloped}. */
    public static String of(StreamEvent event, boolean enveloped) {
        String raw = EventWriter.toJson(event);
        return enveloped ? envelope(raw) : raw;
    }

    /** The SNS notification envelope around {@code message}, as SNS delivers to SQS. */
    public static String envelope(String message) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("TopicArn", "arn:aws:sns:us-east-1:000000000000:chaos");
        envelope.put("Message", message);
        envelope.put("Timestamp", Instant.now().toString());
        envelope.put("SignatureVersion", "1");
        envelope.put("Signature", "LOCAL");
        return envelope.toString();
    }

    /**
     * A malformed body of a kind picked by {@code random}; {@code unique} makes it tell apart
     * from every other poison message. {@code maxBytes} caps it (queues refuse big messages).
     */
    public static String poison(Random random, String unique, int maxBytes) {
        String kind = POISON_KINDS.get(random.nextInt(POISON_KINDS.size()));
        String uid = "\"uid\":\"p-" + unique + "\"";
        String body = switch (kind) {
            case "not-json" -> "this is not json " + unique;
            case "truncated" -> "{\"type\":\"open\"," + uid + ",\"streamId\":\"s";
            case "unknown-type" -> "{\"type\":\"pause\"," + uid + ",\"streamId\":\"s-1\"}";
            case "missing-uid" -> "{\"type\":\"open\",\"streamId\":\"" + unique + "\"}";
            case "bad-uid" -> "{\"type\":\"close\",\"uid\":\"p " + unique + "/x\",\"streamId\":\"s-1\"}";
            case "long-stream" -> "{\"type\":\"open\"," + uid + ",\"streamId\":\"" + "s".repeat(129) + "\"}";
            case "number-uid" -> "{\"type\":\"open\",\"uid\":42,\"streamId\":\"" + unique + "\"}";
            case "envelope-object" -> "{\"Type\":\"Notification\",\"Message\":{\"type\":\"open\"," + uid + "}}";
            case "envelope-garbage" -> envelope("{\"type\":\"open\"," + uid + ",");
            case "deep-nesting" -> "[".repeat(500) + "\"" + unique + "\"" + "]".repeat(500);
            case "duplicate-key" -> "{\"type\":\"open\"," + uid + "," + uid + ",\"streamId\":\"s-1\"}";
            case "trailing" -> "{\"type\":\"open\"," + uid + ",\"streamId\":\"s-1\"} {}";
            case "bad-at" -> "{\"type\":\"open\"," + uid + ",\"streamId\":\"s-1\",\"at\":\"yesterday\"}";
            case "empty-object" -> "{\"id\":\"" + unique + "\"}";
            case "array" -> "[{\"type\":\"open\"," + uid + ",\"streamId\":\"s-1\"}]";
            case "oversize" -> maxBytes <= EventParser.MAX_EVENT_BYTES ? "{not json, and no room for an oversize one " + unique
                    : "{\"type\":\"open\"," + uid + ",\"streamId\":\"s-1\",\"pad\":\"" + "x".repeat(EventParser.MAX_EVENT_BYTES) + "\"}";
            default -> throw new IllegalStateException(kind);
        };
        return body.length() > maxBytes ? "this is not json either " + unique : body;
    }

    /** Why the consumer refuses {@code body} (the parser's message), or null if it is a good event. */
    public static String rejection(String body) {
        try {
            PARSER.parse(body);
            return null;
        } catch (InvalidEventException e) {
            return e.getMessage();
        }
    }

    /** The body on one line, cut to 60 characters, for reports. */
    public static String preview(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "... (" + body.length() + " chars)" : oneLine;
    }
}
