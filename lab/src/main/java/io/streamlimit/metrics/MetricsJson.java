package io.streamlimit.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The {@code --json} form of the metrics: one object on one line, keys in a fixed order
 * ({@code runId}, {@code scenario}, {@code mode}, then {@link Metric}'s order, then
 * {@value #BACKLOG}: the events waiting, one number per second from the run's first second) and
 * numbers with fixed decimals, so the same run always gives the same bytes.
 */
public final class MetricsJson {

    /** The key of a measured run's simulated twin. */
    public static final String SIMULATED = "simulated";
    /** The key of the backlog series: the most events waiting in each second, index 0 the run's first second. */
    public static final String BACKLOG = "backlogPerSecond";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsJson() {
    }

    public static String write(RunMetrics metrics) {
        return object(metrics, null);
    }

    /**
     * A measured run with its simulated twin: the measured run's object with one more key,
     * {@value #SIMULATED}, holding the twin's metrics under exactly the same keys, so a script reads
     * both the same way.
     */
    public static String write(RunMetrics measured, RunMetrics simulated) {
        return object(measured, Objects.requireNonNull(simulated, "simulated"));
    }

    private static String object(RunMetrics measured, RunMetrics simulatedOrNull) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            writeFields(json, measured);
            if (simulatedOrNull != null) {
                json.writeObjectFieldStart(SIMULATED);
                writeFields(json, simulatedOrNull);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void writeFields(JsonGenerator json, RunMetrics metrics) throws IOException {
        json.writeStringField("runId", metrics.runId());
        json.writeStringField("scenario", metrics.scenario());
        json.writeStringField("mode", metrics.mode());
        for (Metric metric : Metric.values()) {
            json.writeFieldName(metric.jsonKey());
            json.writeNumber(metric.number(metrics));
        }
        json.writeFieldName(BACKLOG);
        long[] backlog = metrics.backlog().perSecond();
        json.writeArray(backlog, 0, backlog.length);
    }

    /** Reads what {@link #write} wrote (for example a run's stored summary); a twin is ignored. */
    public static RunMetrics read(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("metrics JSON is not valid JSON: " + e.getMessage(), e);
        }
        return new RunMetrics(
                text(node, "runId"),
                text(node, "scenario"),
                text(node, "mode"),
                number(node, "totalEvents").asLong(),
                number(node, "eventsCompleted").asLong(),
                number(node, "eventsFailed").asLong(),
                number(node, "timeTakenSeconds").asDouble(),
                number(node, "maxConcurrency").asInt(),
                number(node, "avgInsertsPerSecond").asDouble(),
                number(node, "maxInsertsPerSecond").asLong(),
                number(node, "minInsertsPerSecond").asLong(),
                number(node, "secondsOverLimit").asLong(),
                number(node, "throttles").asLong(),
                number(node, "redeliveries").asLong(),
                number(node, "wastedInvocations").asLong(),
                number(node, "costUsd").asDouble(),
                // Summaries stored before provisioned concurrency was modelled lack it: none then.
                node.has("provisionedConcurrencyCostUsd")
                        ? number(node, "provisionedConcurrencyCostUsd").asDouble() : 0,
                // ... and those stored before standing charges were shown lack them.
                node.has("standingUsdPerDay") ? number(node, "standingUsdPerDay").asDouble() : 0,
                node.has("standingUsdPerMonth") ? number(node, "standingUsdPerMonth").asDouble() : 0,
                number(node, "deliveredShare").asDouble(),
                number(node, "meanLimitUtilisation").asDouble(),
                number(node, "peakLimitUtilisation").asDouble(),
                latency(node),
                backlog(node),
                // Summaries stored before the Kinesis pipeline existed lack its metrics: none then.
                node.has("maxIteratorAgeSeconds") ? number(node, "maxIteratorAgeSeconds").asDouble() : 0,
                node.has("onFailureRecords") ? number(node, "onFailureRecords").asLong() : 0,
                node.has("shardRetries") ? number(node, "shardRetries").asLong() : 0);
    }

    /** Summaries stored before latency was measured lack it: none then. */
    private static Latency latency(JsonNode node) {
        if (!node.has("latencyP50Seconds")) {
            return Latency.NONE;
        }
        return new Latency(millis(node, "latencyP50Seconds"),
                millis(node, "latencyP95Seconds"), millis(node, "latencyP99Seconds"), millis(node, "latencyMaxSeconds"));
    }

    private static long millis(JsonNode node, String key) {
        return Math.round(number(node, key).asDouble() * 1000);
    }

    private static Backlog backlog(JsonNode node) {
        JsonNode series = node.get(BACKLOG);
        if (series == null || !series.isArray()) {
            return node.has("maxBacklog") ? new Backlog(number(node, "maxBacklog").asLong(), new long[0]) : Backlog.NONE;
        }
        long[] perSecond = new long[series.size()];
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = series.get(i).asLong();
        }
        return new Backlog(node.has("maxBacklog") ? number(node, "maxBacklog").asLong() : 0, perSecond);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode number(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("metrics JSON lacks the number '" + key + "'");
        }
        return value;
    }
}
