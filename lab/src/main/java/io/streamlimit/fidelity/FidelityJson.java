package io.streamlimit.fidelity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The {@code --json} form of a fidelity report: one object on one line, keys in a fixed order and
 * numbers rounded as the table prints them, so the same seed always gives the same bytes.
 *
 * <p>{@code {"seed", "passed", "judged", "summary", "cases": [{"case", "scenario", "realSource",
 * "awsProfile", "figures": [{"figure", "label", "real", "simulated", "errorPercent", "band",
 * "bandLow", "bandHigh", "verdict"}]}]}}; {@code simulated}, {@code errorPercent} and the band's
 * fields are null when there is none; {@code verdict} is {@code pass}, {@code fail} or {@code shown}.
 *
 * <p>A spread over seeds: {@code {"firstSeed", "lastSeed", "judged", "alwaysInside", "neverInside",
 * "summary", "figures": [{"case", "figure", "label", "real", "band", "bandLow", "bandHigh",
 * "simulated": [one per seed], "min", "median", "max", "insideBand"}]}}; {@code insideBand} is the
 * number of seeds inside the band, null for a figure only shown.
 */
public final class FidelityJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private FidelityJson() {
    }

    public static String write(FidelityReport report) {
        return object(json -> {
            json.writeNumberField("seed", report.seed());
            json.writeNumberField("passed", report.passed());
            json.writeNumberField("judged", report.judged());
            json.writeStringField("summary", report.summary());
            json.writeArrayFieldStart("cases");
            for (CaseReport caseReport : report.cases()) {
                writeCase(json, caseReport);
            }
            json.writeEndArray();
        });
    }

    public static String write(FidelitySpread spread) {
        return object(json -> {
            json.writeNumberField("firstSeed", spread.firstSeed());
            json.writeNumberField("lastSeed", spread.lastSeed());
            json.writeNumberField("judged", spread.judged());
            json.writeNumberField("alwaysInside", spread.alwaysInside());
            json.writeNumberField("neverInside", spread.neverInside());
            json.writeStringField("summary", spread.summary());
            json.writeArrayFieldStart("figures");
            for (FigureSpread figure : spread.figures()) {
                writeSpread(json, figure);
            }
            json.writeEndArray();
        });
    }

    /** What goes inside the one top-level object. */
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static String object(Fields fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void writeSpread(JsonGenerator json, FigureSpread spread) throws IOException {
        Figure figure = spread.figure();
        int places = figure.places();
        json.writeStartObject();
        json.writeStringField("case", spread.caseName());
        json.writeStringField("figure", figure.jsonKey());
        json.writeStringField("label", figure.label());
        json.writeNumberField("real", FidelityFormat.decimal(spread.real(), places));
        Band band = spread.band();
        json.writeStringField("band", band == null ? null : band.describe(spread.real(), places));
        writeNumberOrNull(json, "bandLow", band == null ? null : band.low(spread.real()), places);
        writeNumberOrNull(json, "bandHigh", band == null ? null : band.high(spread.real()), places);
        json.writeArrayFieldStart("simulated");
        for (Double value : spread.simulated()) {
            if (value == null) {
                json.writeNull();
            } else {
                json.writeNumber(FidelityFormat.decimal(value, places));
            }
        }
        json.writeEndArray();
        writeNumberOrNull(json, "min", spread.min(), places);
        writeNumberOrNull(json, "median", spread.median(), places);
        writeNumberOrNull(json, "max", spread.max(), places);
        if (spread.judged()) {
            json.writeNumberField("insideBand", spread.passes());
        } else {
            json.writeNullField("insideBand");
        }
        json.writeEndObject();
    }

    private static void writeCase(JsonGenerator json, CaseReport caseReport) throws IOException {
        json.writeStartObject();
        json.writeStringField("case", caseReport.name());
        json.writeStringField("scenario", caseReport.scenario());
        json.writeStringField("realSource", caseReport.realSource());
        json.writeStringField("awsProfile", caseReport.awsProfile());
        json.writeArrayFieldStart("figures");
        for (FigureComparison comparison : caseReport.figures()) {
            writeFigure(json, comparison);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeFigure(JsonGenerator json, FigureComparison comparison) throws IOException {
        Figure figure = comparison.figure();
        json.writeStartObject();
        json.writeStringField("figure", figure.jsonKey());
        json.writeStringField("label", figure.label());
        json.writeNumberField("real", FidelityFormat.decimal(comparison.real(), figure.places()));
        writeNumberOrNull(json, "simulated", comparison.simulated(), figure.places());
        writeNumberOrNull(json, "errorPercent", comparison.errorPercent(), FidelityFormat.ERROR_PLACES);
        json.writeStringField("band", comparison.bandText());
        Band band = comparison.band();
        writeNumberOrNull(json, "bandLow", band == null ? null : band.low(comparison.real()), figure.places());
        writeNumberOrNull(json, "bandHigh", band == null ? null : band.high(comparison.real()), figure.places());
        json.writeStringField("verdict", comparison.verdict().name().toLowerCase(Locale.ROOT));
        json.writeEndObject();
    }

    private static void writeNumberOrNull(JsonGenerator json, String key, Double value, int places) throws IOException {
        if (value == null) {
            json.writeNullField(key);
        } else {
            json.writeNumberField(key, FidelityFormat.decimal(value, places));
        }
    }
}
