package io.streamlimit.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** An answer of the tracker API: a status and a JSON body. */
public record TrackerResponse(int status, String body) {

    public static final String CONTENT_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static TrackerResponse json(int status, Map<String, ?> body) {
        try {
            return new TrackerResponse(status, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
    }
}
