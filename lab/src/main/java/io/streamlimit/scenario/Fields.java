package io.streamlimit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * One YAML mapping read strictly: unknown keys, wrong types and out-of-range numbers are
 * {@link ScenarioException}s naming the full key path. Absent and {@code null} values are alike.
 */
final class Fields {

    private final String path;
    private final JsonNode node;

    private Fields(String path, JsonNode node) {
        this.path = path;
        this.node = node;
    }

    static Fields root(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ScenarioException(null, "must be a YAML mapping of name, events, pipeline, ...");
        }
        return new Fields("", node);
    }

    /** Refuses any key not in {@code allowed}, listing the allowed ones. */
    Fields allowOnly(List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ScenarioException(keyPath(key),
                        "unknown key; allowed here: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** The nested mapping at {@code key}, or null when absent. */
    Fields mapping(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new ScenarioException(keyPath(key), "must be a mapping such as { key: value }, got " + value);
        }
        return new Fields(keyPath(key), value);
    }

    String string(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new ScenarioException(keyPath(key), "must be text, got " + value);
        }
        return value.asText();
    }

    Integer integer(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new ScenarioException(keyPath(key), "must be a whole number, got " + value);
        }
        if (!value.canConvertToInt()) {
            throw new ScenarioException(keyPath(key), "is far too large, got " + value);
        }
        return value.intValue();
    }

    /** A number given as text or YAML number, e.g. {@code 0.2}. */
    double number(String keyPath, String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScenarioException(keyPath, "must be a number, got " + text);
    }

    int integer(String key, int defaultValue) {
        Integer value = integer(key);
        return value == null ? defaultValue : value;
    }

    boolean bool(String key, boolean defaultValue) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw new ScenarioException(keyPath(key), "must be true or false, got " + value);
        }
        return value.booleanValue();
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JsonNode value(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }
}
