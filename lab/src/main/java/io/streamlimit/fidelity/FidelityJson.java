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
 */
public final class FidelityJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private FidelityJson() {
    }

    public static String write(FidelityReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("seed", report.seed());
            json.writeNumberField("passed", report.passed());
            json.writeNumberField("judged", report.judged());
            json.writeStringField("summary", report.summary());
            json.writeArrayFieldStart("cases");
            for (CaseReport caseReport : report.cases()) {
                writeCase(json, caseReport);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
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
