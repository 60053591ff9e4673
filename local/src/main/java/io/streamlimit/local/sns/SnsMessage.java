package io.streamlimit.local.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One published message: the text every subscriber gets, and with {@code MessageStructure=json}
 * the texts for particular protocols. As in SNS, a structured message is a JSON object of strings
 * with a {@code default} key; a subscriber gets its protocol's key when present, else the default.
 */
public record SnsMessage(String text, Map<String, String> byProtocol) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SnsMessage {
        byProtocol = Map.copyOf(byProtocol);
    }

    public static SnsMessage plain(String text) {
        return new SnsMessage(text, Map.of());
    }

    /** The message of a Publish call or batch entry; {@code structure} is its MessageStructure (or null). */
    static SnsMessage parse(String message, String structure) {
        if (structure == null || structure.isEmpty()) {
            return plain(message);
        }
        if (!structure.equals("json")) {
            throw SnsError.invalidParameter("MessageStructure: must be json, got '" + structure + "'");
        }
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            throw SnsError.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        if (root == null || !root.isObject()) {
            throw SnsError.invalidParameter("Message Structure - JSON message body must be an object");
        }
        Map<String, String> texts = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw SnsError.invalidParameter("Message Structure - the value of '" + field.getKey() + "' must be a string");
            }
            texts.put(field.getKey(), field.getValue().textValue());
        }
        String text = texts.remove("default");
        if (text == null) {
            throw SnsError.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        return new SnsMessage(text, texts);
    }

    /** What a subscriber of the given protocol receives. */
    public String textFor(String protocol) {
        return byProtocol.getOrDefault(protocol, text);
    }
}
