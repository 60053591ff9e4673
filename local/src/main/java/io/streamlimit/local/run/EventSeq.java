package io.streamlimit.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the producer's sequence number out of a message body (raw, or in the SNS envelope), for
 * the run's records. Bodies that carry none (poison messages, events from outside the run) give -1.
 */
final class EventSeq {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSeq() {
    }

    static long of(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.path("Message").isTextual()) {
                node = JSON.readTree(node.get("Message").asText());
            }
            JsonNode seq = node == null ? null : node.get("seq");
            return seq != null && seq.canConvertToLong() ? seq.asLong() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
