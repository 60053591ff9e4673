package io.streamlimit.scenario;

import java.nio.file.Path;
import java.util.List;

/** Reads the keys of the per-second patterns ({@code day}, {@code replay}) from a scenario's events. */
final class TrafficReader {

    private static final List<String> DAY_KEYS =
            List.of("baseRatePerSecond", "spikeRatePerSecond", "spikeSeconds", "durationSeconds");

    private TrafficReader() {
    }

    /** The pattern's traffic, or null for the other patterns (which may not have these keys). */
    static Traffic read(Fields f, ArrivalPattern pattern, Path directory) {
        if (pattern != ArrivalPattern.DAY) {
            for (String key : DAY_KEYS) {
                Checks.absent(f.keyPath(key), f.string(key), "unless pattern is day");
            }
        }
        if (pattern != ArrivalPattern.REPLAY) {
            Checks.absent(f.keyPath("countsFile"), f.string("countsFile"), "unless pattern is replay");
        }
        if (pattern == ArrivalPattern.DAY) {
            return DayTraffic.of(
                    f.number(f.keyPath("baseRatePerSecond"), Checks.required(f.keyPath("baseRatePerSecond"),
                            f.string("baseRatePerSecond"))),
                    Checks.required(f.keyPath("spikeRatePerSecond"), f.integer("spikeRatePerSecond")),
                    Checks.required(f.keyPath("spikeSeconds"), f.integer("spikeSeconds")),
                    Checks.required(f.keyPath("spikeEverySeconds"), f.integer("spikeEverySeconds")),
                    f.integer("durationSeconds", DayTraffic.DEFAULT_DURATION_SECONDS));
        }
        if (pattern == ArrivalPattern.REPLAY) {
            return ReplayTraffic.read(Checks.required(f.keyPath("countsFile"), f.string("countsFile")), directory);
        }
        return null;
    }
}
