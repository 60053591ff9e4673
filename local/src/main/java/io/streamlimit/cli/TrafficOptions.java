package io.streamlimit.cli;

import io.streamlimit.scenario.DayTraffic;
import io.streamlimit.scenario.ReplayTraffic;
import io.streamlimit.scenario.ScenarioException;
import io.streamlimit.scenario.Traffic;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags of the per-second traffic patterns: {@code --pattern day} and {@code --pattern replay}. */
final class TrafficOptions {

    /** Scenario keys to the flags that set them, so that a message names what the user typed. */
    private static final Map<String, String> FLAGS = Map.of(
            "events.baseRatePerSecond", "--base-rate",
            "events.spikeRatePerSecond", "--spike-rate",
            "events.spikeSeconds", "--spike-seconds",
            "events.spikeEverySeconds", "--spike-every",
            "events.durationSeconds", "--duration",
            "events.countsFile", "--counts",
            "events", "--pattern day");

    @Option(names = "--base-rate", paramLabel = "N", description = "With --pattern day: events per second between spikes; may be fractional, e.g. 0.2.")
    Double baseRate;

    @Option(names = "--spike-rate", paramLabel = "N", description = "With --pattern day: events per second during a spike.")
    Integer spikeRate;

    @Option(names = "--spike-seconds", paramLabel = "S", description = "With --pattern day: how long a spike lasts.")
    Integer spikeSeconds;

    @Option(names = "--spike-every", paramLabel = "S", description = "With --pattern day: a spike starts every S seconds, the first at 0.")
    Integer spikeEvery;

    @Option(names = "--duration", paramLabel = "S", description = "With --pattern day: the seconds the pattern covers (default: 86400).")
    Integer duration;

    @Option(names = "--counts", paramLabel = "FILE", description = "With --pattern replay: a CSV of events per second, one line a second (count, or second,count).")
    Path counts;

    /** The traffic of {@code pattern} (day or replay), or null for the others, which take none of these flags. */
    Traffic traffic(String pattern) {
        boolean day = "day".equals(pattern);
        boolean replay = "replay".equals(pattern);
        if (!day) {
            refuse("--base-rate", baseRate, "day");
            refuse("--spike-rate", spikeRate, "day");
            refuse("--spike-seconds", spikeSeconds, "day");
            refuse("--spike-every", spikeEvery, "day");
            refuse("--duration", duration, "day");
        }
        if (!replay) {
            refuse("--counts", counts, "replay");
        }
        try {
            if (day) {
                return DayTraffic.of(required("--base-rate", baseRate), required("--spike-rate", spikeRate),
                        required("--spike-seconds", spikeSeconds), required("--spike-every", spikeEvery),
                        duration == null ? DayTraffic.DEFAULT_DURATION_SECONDS : duration);
            }
            if (replay) {
                return ReplayTraffic.read(required("--counts", counts).toString(), Path.of(""));
            }
        } catch (ScenarioException e) {
            String flag = FLAGS.getOrDefault(e.key(), e.key());
            throw new UserError(flag + e.getMessage().substring(e.key() == null ? 0 : e.key().length()), e);
        }
        return null;
    }

    private static void refuse(String flag, Object value, String pattern) {
        if (value != null) {
            throw new UserError(flag + ": only with --pattern " + pattern + ", got " + value);
        }
    }

    private static <T> T required(String flag, T value) {
        if (value == null) {
            throw new UserError(flag + ": required with this --pattern");
        }
        return value;
    }
}
