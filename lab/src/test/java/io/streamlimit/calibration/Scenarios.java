package io.streamlimit.calibration;

import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The calibration cases' scenarios, from the class path. */
final class Scenarios {

    private Scenarios() {
    }

    static Scenario traceCase(String fileName) {
        String resource = "/calibration/cases/" + fileName;
        try (InputStream in = Scenarios.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
