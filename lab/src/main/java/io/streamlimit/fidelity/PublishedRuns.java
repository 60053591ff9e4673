package io.streamlimit.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Results the original experiments published (only totals, no rows), read from a JSON file:
 * {@code {"source": "...", "runs": {"02": {"settings": "...", "published": "...",
 * "figures": {"failed": 0, "timeTakenSeconds": 1905, ...}}}}}, figure keys as in {@link Figure}.
 *
 * @param source where the numbers were published
 * @param runs each run's figures by its number ("02")
 */
public record PublishedRuns(String source, Map<String, RunFigures> runs) {

    /** The project's copy of the original README's results. */
    public static final String RESOURCE = "/calibration/published-results.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public PublishedRuns {
        runs = Collections.unmodifiableMap(new LinkedHashMap<>(runs));
    }

    /** One run's figures. */
    public RunFigures run(String number) {
        RunFigures figures = runs.get(number);
        if (figures == null) {
            throw new IllegalArgumentException("no published run " + number + " (there are " + runs.keySet() + ")");
        }
        return figures;
    }

    /** Reads the project's copy of the published results. */
    public static PublishedRuns standard() {
        try (InputStream in = PublishedRuns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(JSON.readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    static PublishedRuns parse(JsonNode root, String sourceName) {
        Map<String, RunFigures> runs = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = required(root, "runs", sourceName).fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> run = entries.next();
            String where = sourceName + ": runs." + run.getKey();
            EnumMap<Figure, Double> figures = new EnumMap<>(Figure.class);
            Iterator<Map.Entry<String, JsonNode>> values = required(run.getValue(), "figures", where).fields();
            while (values.hasNext()) {
                Map.Entry<String, JsonNode> value = values.next();
                if (!value.getValue().isNumber()) {
                    throw new IllegalArgumentException(where + ".figures." + value.getKey() + ": must be a number");
                }
                try {
                    figures.put(Figure.fromJsonKey(value.getKey()), value.getValue().asDouble());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".figures." + value.getKey() + ": " + e.getMessage(), e);
                }
            }
            runs.put(run.getKey(), new RunFigures(figures));
        }
        return new PublishedRuns(required(root, "source", sourceName).asText(), runs);
    }

    private static JsonNode required(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": " + key + " is missing");
        }
        return value;
    }
}
