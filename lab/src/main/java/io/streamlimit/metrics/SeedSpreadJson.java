package io.streamlimit.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A {@link SeedSpread} as one JSON object: {@code scenario}, {@code firstSeed}, {@code lastSeed},
 * {@code seeds}, and {@code metrics}, an object with one entry per metric under its {@code --json}
 * key: {@code {"median": .., "min": .., "max": .., "values": [one per seed, in seed order]}}.
 */
public final class SeedSpreadJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SeedSpreadJson() {
    }

    public static String write(SeedSpread spread) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("scenario", spread.runs().get(0).scenario());
            json.writeNumberField("firstSeed", spread.firstSeed());
            json.writeNumberField("lastSeed", spread.lastSeed());
            json.writeNumberField("seeds", spread.seeds());
            json.writeObjectFieldStart("metrics");
            for (Metric metric : Metric.values()) {
                json.writeObjectFieldStart(metric.jsonKey());
                json.writeNumberField("median", spread.median(metric));
                json.writeNumberField("min", spread.min(metric));
                json.writeNumberField("max", spread.max(metric));
                json.writeArrayFieldStart("values");
                for (var value : spread.values(metric)) {
                    json.writeNumber(value);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
