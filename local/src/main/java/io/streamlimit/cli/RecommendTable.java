package io.streamlimit.cli;

import io.streamlimit.metrics.CostModel;
import io.streamlimit.recommend.ConfigurationColumns;
import io.streamlimit.recommend.RankedCandidate;
import io.streamlimit.recommend.SeedRanges;
import java.util.List;
import java.util.Locale;

/**
 * The recommender's candidates as a table that fits 100 columns: the settings as short named columns
 * ({@link ConfigurationColumns}, explained under the table), then lost events, seconds over the
 * limit, time taken, p99 latency (and, for the day pattern, p99 of the events published in spikes),
 * throttled invokes and the cost as deployed for the traffic; under it, the standing charges per day.
 */
final class RecommendTable {

    /** The terminal width the output is made for. */
    static final int WIDTH = 100;

    private static final String SETTINGS = "%4s %-3s %3s %3s %3s %5s %6s %4s";
    private static final String FIGURES = " %5s %4s %9s %8s%s %9s %9s%n";

    private RecommendTable() {
    }

    static String format(List<RankedCandidate> shown, boolean spikes, CostModel costModel) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, SETTINGS + FIGURES, "RANK", "VIA", "RC", "MC", "PC", "BATCH", "VIS",
                "RECV", "LOST", "OVER", "TIME", "P99", spikes ? String.format(Locale.ROOT, " %9s", "SPIKE P99") : "",
                "THROTTLES", "COST"));
        for (RankedCandidate c : shown) {
            ConfigurationColumns k = c.columns();
            table.append(String.format(Locale.ROOT, SETTINGS + FIGURES, c.rank(), k.via(), k.reserved(), k.maximum(),
                    k.provisioned(), k.batch(), k.visibility(), k.receives(), c.lost(), c.stats().secondsOverLimit(),
                    seconds(c.stats().timeTakenMillis()), seconds(c.latency().p99Millis()),
                    spikes ? String.format(Locale.ROOT, " %9s", c.spikeLatency() == null ? "-"
                            : seconds(c.spikeLatency().p99Millis())) : "",
                    String.format(Locale.ROOT, "%,d", c.stats().throttles()),
                    String.format(Locale.ROOT, "$%.6f", c.costUsd())));
        }
        table.append(wrap(ConfigurationColumns.LEGEND + "; LOST: events lost; OVER: seconds over the limit;"
                + " P99: 99th percentile of publish to applied"
                + (spikes ? "; SPIKE P99: the same, of the events published in spikes" : "")
                + "; COST: as deployed for this traffic, the run plus its standing charges for the whole days"
                + " the traffic spans (at least one), ranked on.", ""));
        table.append(wrap(standing(shown, costModel), ""));
        return table.toString();
    }

    /** The standing charges per day of the candidates shown: "Standing charges per day ...: #2 $0.144003". */
    static String standing(List<RankedCandidate> shown, CostModel costModel) {
        StringBuilder line = new StringBuilder("Standing charges per day, paid while deployed, traffic or not"
                + " (provisioned concurrency and Kinesis shards, " + costModel.architecture().name().toLowerCase(Locale.ROOT)
                + " list prices of " + CostModel.PRICES_AS_OF + "):");
        boolean any = false;
        for (RankedCandidate c : shown) {
            int shards = c.scenario().stream() == null ? 0 : c.scenario().stream().shards();
            double perDay = costModel.standingCharges(c.scenario().consumer().provisionedConcurrency(),
                    c.scenario().consumer().memoryMb()).withKinesisShards(CostModel.kinesisShardsUsdPerDay(shards))
                    .usdPerDay();
            if (perDay > 0) {
                line.append(any ? ", " : " ").append(String.format(Locale.ROOT, "#%d $%.6f", c.rank(), perDay));
                any = true;
            }
        }
        return line.append(any ? "; the others none." : " none.").toString();
    }

    /**
     * The winner's ranked figures over its seeds, each as its median (ranked on) and its smallest to
     * largest value: "Over seeds 1 to 3: time 20.8s (20.5s..21.2s), ...".
     */
    static String ranges(RankedCandidate winner) {
        SeedRanges r = winner.ranges();
        return String.format(Locale.ROOT, "Over seeds %d to %d, median (smallest..largest): time %s (%s..%s),"
                        + " p99 %s (%s..%s), lost %d (%.0f..%.0f), over the limit %d s (%.0f..%.0f),"
                        + " cost $%.6f ($%.6f..$%.6f).",
                r.firstSeed(), r.lastSeed(),
                seconds(winner.stats().timeTakenMillis()), seconds(r.timeTakenMillis().min()),
                seconds(r.timeTakenMillis().max()),
                seconds(winner.latency().p99Millis()), seconds(r.p99Millis().min()), seconds(r.p99Millis().max()),
                winner.lost(), r.lost().min(), r.lost().max(),
                winner.stats().secondsOverLimit(), r.secondsOverLimit().min(), r.secondsOverLimit().max(),
                winner.costUsd(), r.costUsd().min(), r.costUsd().max());
    }

    /** {@code text} broken at spaces into lines of at most {@link #WIDTH}, each after the first indented. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        String lead = text.substring(0, text.length() - text.stripLeading().length());
        StringBuilder line = new StringBuilder(lead);
        for (String word : text.stripLeading().split(" ")) {
            if (!line.toString().isBlank() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            if (!line.toString().isBlank()) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
