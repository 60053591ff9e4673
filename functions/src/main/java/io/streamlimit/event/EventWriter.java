package io.streamlimit.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes an event as the JSON that {@link EventParser} reads back (the one wire format of events). */
public final class EventWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventWriter() {
    }

    public static String toJson(StreamEvent event) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("type", event.type().wireName())
                .put("uid", event.uid())
                .put("streamId", event.streamId());
        if (event.at() != null) {
            node.put("at", event.at().toString());
        }
        if (event.runId() != null) {
            node.put("runId", event.runId());
        }
        if (event.seq() != null) {
            node.put("seq", event.seq());
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode of strings and numbers always serializes", e);
        }
    }
}
