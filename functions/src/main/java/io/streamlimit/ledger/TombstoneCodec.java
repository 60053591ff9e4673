package io.streamlimit.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tombstones (streamId to epoch ms) as one compact JSON string attribute, e.g. {@code {"s1":1795...}}. */
final class TombstoneCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> MAP = new TypeReference<>() {
    };

    private TombstoneCodec() {
    }

    static AttributeValue encode(Map<String, Long> tombstones) {
        try {
            return AttributeValue.fromS(JSON.writeValueAsString(tombstones));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings to longs always serializes", e);
        }
    }

    static Map<String, Long> decode(AttributeValue value) {
        if (value == null || value.s() == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(value.s(), MAP);
        } catch (JsonProcessingException e) {
            throw new LedgerStoreException("corrupt tombstones in the ledger table: " + e.getOriginalMessage(), e);
        }
    }
}
