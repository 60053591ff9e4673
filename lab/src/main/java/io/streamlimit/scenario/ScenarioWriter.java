package io.streamlimit.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a scenario back out with the keys of a scenario file: as YAML (what the recommender
 * saves, readable by {@link ScenarioLoader}) and as compact JSON (a run's
 * {@code configurationJson}). Every key is written, defaults included, so a file says all;
 * the exceptions are {@code queue.minimumPollers} and {@code queue.maximumPollers} (only in
 * provisioned mode), {@code consumer.provisionedConcurrency}, {@code consumer.errorRate},
 * {@code consumer.timeoutRate} and {@code consumer.snapStart}, written only when set (above 0, true), so that scenarios without them
 * come out exactly as they did before the keys existed.
 */
public final class ScenarioWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Text that YAML reads back as the same string without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private ScenarioWriter() {
    }

    /** One line per top-level key, the sections as flow mappings, as in the README's example scenario. */
    public static String toYaml(Scenario scenario) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> top : tree(scenario).entrySet()) {
            out.append(top.getKey()).append(": ");
            if (top.getValue() instanceof Map<?, ?> section) {
                out.append("{ ");
                String separator = "";
                for (Map.Entry<?, ?> e : section.entrySet()) {
                    out.append(separator).append(e.getKey()).append(": ").append(scalar(e.getValue()));
                    separator = ", ";
                }
                out.append(" }");
            } else {
                out.append(scalar(top.getValue()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Compact JSON with the same keys and order as the YAML. */
    public static String toJson(Scenario scenario) {
        try {
            return JSON.writeValueAsString(tree(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario tree is always serialisable", e);
        }
    }

    private static Map<String, Object> tree(Scenario s) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("name", s.name());
        top.put("description", s.description());
        if (s.awsProfile() != null) {
            top.put("awsProfile", s.awsProfile());
        }
        top.put("events", events(s.events()));
        top.put("pipeline", s.pipeline().fileName());
        if (s.queue() != null) {
            Map<String, Object> queue = new LinkedHashMap<>();
            queue.put("visibilityTimeoutSeconds", s.queue().visibilityTimeoutSeconds());
            queue.put("maxReceiveCount", s.queue().maxReceiveCount());
            queue.put("batchSize", s.queue().batchSize());
            queue.put("batchWindowSeconds", s.queue().batchWindowSeconds());
            if (s.queue().fifo() != null) {
                queue.put("deduplicationScope", s.queue().fifo().deduplicationScope().fileName());
                queue.put("fifoThroughputLimit", s.queue().fifo().throughputLimit().fileName());
            }
            if (s.queue().pollers() != null) {
                queue.put("minimumPollers", s.queue().pollers().minimumPollers());
                queue.put("maximumPollers", s.queue().pollers().maximumPollers());
            }
            top.put("queue", queue);
        }
        if (s.stream() != null) {
            Map<String, Object> stream = new LinkedHashMap<>();
            stream.put("shards", s.stream().shards());
            stream.put("batchSize", s.stream().batchSize());
            stream.put("batchWindowSeconds", s.stream().batchWindowSeconds());
            stream.put("parallelizationFactor", s.stream().parallelizationFactor());
            stream.put("bisectOnError", s.stream().bisectOnError());
            stream.put("maxRetryAttempts", s.stream().maxRetryAttempts());
            stream.put("maxRecordAgeSeconds", s.stream().maxRecordAgeSeconds());
            top.put("stream", stream);
        }
        Map<String, Object> consumer = new LinkedHashMap<>();
        consumer.put("reservedConcurrency", s.consumer().reservedConcurrency());
        if (s.queue() != null) {
            consumer.put("maximumConcurrency", s.consumer().maximumConcurrency());
        }
        consumer.put("timeoutSeconds", s.consumer().timeoutSeconds());
        consumer.put("memoryMb", s.consumer().memoryMb());
        if (s.consumer().provisionedConcurrency() > 0) {
            consumer.put("provisionedConcurrency", s.consumer().provisionedConcurrency());
        }
        if (s.consumer().errorRate() > 0) {
            consumer.put("errorRate", s.consumer().errorRate());
        }
        if (s.consumer().timeoutRate() > 0) {
            consumer.put("timeoutRate", s.consumer().timeoutRate());
        }
        if (s.consumer().snapStart()) {
            consumer.put("snapStart", true);
        }
        top.put("consumer", consumer);
        Map<String, Object> downstream = new LinkedHashMap<>();
        downstream.put("ratePerSecond", s.downstream().ratePerSecond());
        downstream.put("callMillis", s.downstream().callMillis());
        downstream.put("enforce", s.downstream().enforce());
        top.put("downstream", downstream);
        return top;
    }

    private static Map<String, Object> events(EventsSpec e) {
        Map<String, Object> events = new LinkedHashMap<>();
        events.put("total", e.total());
        events.put("pattern", e.pattern().fileName());
        if (e.ratePerSecond() != null) {
            events.put("ratePerSecond", e.ratePerSecond());
        }
        if (e.spikeSize() != null) {
            events.put("spikeSize", e.spikeSize());
            events.put("spikeEverySeconds", e.spikeEverySeconds());
        }
        if (e.traffic() instanceof DayTraffic day) {
            events.put("baseRatePerSecond", day.baseRatePerSecond());
            events.put("spikeRatePerSecond", day.spikeRatePerSecond());
            events.put("spikeSeconds", day.spikeSeconds());
            events.put("spikeEverySeconds", day.spikeEverySeconds());
            events.put("durationSeconds", day.durationSeconds());
        } else if (e.traffic() instanceof ReplayTraffic replay) {
            events.put("countsFile", replay.countsFile());
        }
        events.put("users", e.users());
        events.put("publishConcurrency", e.publishConcurrency());
        return events;
    }

    /** Numbers, booleans and null as YAML plain scalars; text as a JSON string, which YAML reads. */
    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            if (PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
                return text;
            }
            try {
                return JSON.writeValueAsString(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return value.toString();
    }
}
