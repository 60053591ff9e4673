package io.streamlimit.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a profile file: YAML whose keys are {@link AwsBehaviour}'s field names, each replacing that
 * field of the {@code current} profile, or of the profile named by the optional {@code base} key:
 *
 * <pre>
 * base: "2020"                          # optional: start from another named profile
 * concurrentBatchesAddedPerMinute: 60   # whole numbers for counts
 * asyncDeliveryRatePerSecond: 16.6      # numbers for rates and fractions
 * scalingWindow: PT60S                  # ISO-8601 durations for times: PT20S, PT0.05S, PT5M, PT6H
 * snapStartAvailable: false             # true or false for what a profile offers
 * </pre>
 *
 * Strict, as scenario files are: an unknown key is an error naming it and listing the known ones;
 * a value of the wrong type or out of range names the key and the value.
 */
public final class AwsProfileFile {

    /** The key naming the profile the file starts from (default {@value AwsProfiles#CURRENT}). */
    public static final String BASE = "base";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The keys, read off the record so that a new field is a new key without a second list. */
    private static final Map<String, Key> KEYS = keys(AwsBehaviour.class.getRecordComponents());

    private record Key(String name, Class<?> type, Method setter) {
    }

    private AwsProfileFile() {
    }

    private static Map<String, Key> keys(RecordComponent[] components) {
        Map<String, Key> keys = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            try {
                keys.put(c.getName(), new Key(c.getName(), c.getType(),
                        AwsBehaviourBuilder.class.getMethod(c.getName(), c.getType())));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("AwsBehaviourBuilder needs a setter " + c.getName() + "("
                        + c.getType().getSimpleName() + ")", e);
            }
        }
        return Collections.unmodifiableMap(keys);
    }

    /** Every key a profile file may hold: {@value #BASE}, then the fields in declaration order. */
    public static List<String> knownKeys() {
        List<String> known = new ArrayList<>();
        known.add(BASE);
        known.addAll(KEYS.keySet());
        return List.copyOf(known);
    }

    /** Reads one profile file; errors start with the file. */
    public static AwsBehaviour load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AwsProfileException(file + ": cannot read the AWS profile: " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses profile YAML.
     *
     * @param sourceName where the text came from, for messages (a file name)
     */
    public static AwsBehaviour parse(String yaml, String sourceName) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new AwsProfileException(sourceName + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new AwsProfileException(sourceName + ": is empty; an AWS profile file sets some of: "
                    + String.join(", ", knownKeys()));
        }
        if (!root.isObject()) {
            throw new AwsProfileException(sourceName + ": must be a YAML mapping of AwsBehaviour fields,"
                    + " such as concurrentBatchesAddedPerMinute: 60");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals(BASE) && !KEYS.containsKey(key)) {
                throw new AwsProfileException(sourceName + ": " + key + ": unknown key; known keys: "
                        + String.join(", ", knownKeys()));
            }
        }
        AwsBehaviourBuilder builder = base(root.get(BASE), sourceName).toBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().equals(BASE)) {
                Key key = KEYS.get(entry.getKey());
                set(builder, key, value(key, entry.getValue(), sourceName));
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new AwsProfileException(sourceName + ": " + e.getMessage(), e);
        }
    }

    private static AwsBehaviour base(JsonNode node, String sourceName) {
        if (node == null) {
            return AwsBehaviour.current();
        }
        String name = node.isTextual() || node.isNumber() ? node.asText() : null;
        if (name == null || !AwsProfiles.isName(name)) {
            throw new AwsProfileException(sourceName + ": " + BASE + ": must be one of "
                    + String.join(", ", AwsProfiles.names()) + ", got " + node);
        }
        return AwsProfiles.named(name);
    }

    private static Object value(Key key, JsonNode node, String sourceName) {
        if (key.type() == int.class && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (key.type() == double.class && node.isNumber()) {
            return node.doubleValue();
        }
        if (key.type() == boolean.class && node.isBoolean()) {
            return node.booleanValue();
        }
        if (key.type() == Duration.class && node.isTextual()) {
            try {
                return Duration.parse(node.textValue());
            } catch (DateTimeParseException e) {
                // reported below with the key and the value
            }
        }
        throw new AwsProfileException(sourceName + ": " + key.name() + ": must be " + expected(key.type())
                + ", got " + node);
    }

    private static String expected(Class<?> type) {
        if (type == int.class) {
            return "a whole number";
        }
        if (type == double.class) {
            return "a number";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        return "an ISO-8601 duration such as PT20S, PT0.05S or PT5M";
    }

    private static void set(AwsBehaviourBuilder builder, Key key, Object value) {
        try {
            key.setter().invoke(builder, value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot call AwsBehaviourBuilder." + key.name(), e);
        }
    }
}
