package io.streamlimit.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** A run's request counts as the {@code runs.request_counts} JSON object, keys sorted. */
final class RequestCountsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestCountsJson() {
    }

    static String write(Map<String, Long> counts) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(counts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request counts are always serialisable", e);
        }
    }

    static Map<String, Long> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new ResultsStoreException("request_counts is not a JSON object of numbers: " + json, e);
        }
    }
}
