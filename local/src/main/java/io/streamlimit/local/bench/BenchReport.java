package io.streamlimit.local.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.streamlimit.local.bench.BenchResults.SimulatorRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one run's figures into the ratios, the targets (docs/PERFORMANCE.md) and the two outputs: a table for
 * people and one JSON object for tools.
 */
public final class BenchReport {

    /** The pipeline should reach at least this share of raw dynalite's conditional writes. */
    public static final double PIPELINE_MIN_RATIO = 0.5;
    /** The check API's p99 should be at most this multiple of raw GetItem's p99. */
    public static final double CHECK_API_MAX_P99_RATIO = 1.5;
    /** Simulating 10^6 events should take at most this much CPU. */
    public static final double SIMULATOR_MAX_CPU_SECONDS = 30;
    public static final int SIMULATOR_TARGET_EVENTS = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(Double.class, new RoundingSerializer())
            .addSerializer(double.class, new RoundingSerializer()));

    private BenchReport() {
    }

    /**
     * One target: {@code value} against {@code limit}, met when at least it ({@code atLeast}) or at
     * most it; {@code value} is NaN when the figures to compute it are missing.
     */
    public record Target(String name, String key, double value, double limit, boolean atLeast, boolean met) {
    }

    /** Pipeline events/s over raw conditional writes/s. */
    public static double pipelineRatio(BenchResults r) {
        return ratio(r.pipeline().eventsPerSecond(), r.dynamoDb().conditionalWrites().perSecond());
    }

    /** Check API p99 over raw GetItem p99, both open loop at the same offered rate. */
    public static double checkApiP99Ratio(BenchResults r) {
        return ratio(r.checkApi().latency().p99Millis(), r.dynamoDb().getItem().latency().p99Millis());
    }

    /** CPU seconds to simulate 10^6 events, or NaN if that size was not run. */
    public static double simulatorMillionCpuSeconds(BenchResults r) {
        return r.simulator().runs().stream().filter(run -> run.events() == SIMULATOR_TARGET_EVENTS)
                .mapToDouble(SimulatorRun::cpuSecondsPerRun).findFirst().orElse(Double.NaN);
    }

    /** A simulation of 10^6 events of any shipped scenario, its save included, should take at most this long. */
    public static final double LAB_SIMULATE_MAX_WALL_SECONDS = 20;
    /** {@code recommend --limit 1} over the day of spiky traffic should take at most this long. */
    public static final double LAB_RECOMMEND_MAX_WALL_SECONDS = 30;

    public static List<Target> targets(BenchResults r) {
        List<Target> targets = new java.util.ArrayList<>(baseTargets(r));
        if (r.lab() != null) {
            BenchResults.LabFigures lab = r.lab();
            targets.add(target("lab: 10^6 events of 04, simulated and saved, <= 20 s wall", "labThrottledMillionWallSeconds",
                    lab.throttled().totalWallSeconds(), LAB_SIMULATE_MAX_WALL_SECONDS, false));
            targets.add(target("lab: 10^6 events of recommended.yaml, simulated and saved, <= 20 s wall",
                    "labRecommendedMillionWallSeconds", lab.recommended().totalWallSeconds(), LAB_SIMULATE_MAX_WALL_SECONDS,
                    false));
            if (lab.kinesis() != null) {
                targets.add(target("lab: 10^6 events of kinesis-50-per-second.yaml, simulated and saved, <= 20 s wall",
                        "labKinesisMillionWallSeconds", lab.kinesis().totalWallSeconds(), LAB_SIMULATE_MAX_WALL_SECONDS,
                        false));
            }
            boolean clean = lab.recommend().winnerLost() == 0 && lab.recommend().winnerSecondsOverLimit() == 0;
            targets.add(target("lab: recommend --limit 1 over the day <= 30 s wall, winner loses nothing, never over",
                    "labRecommendDayWallSeconds", clean ? lab.recommend().wallSeconds() : Double.NaN,
                    LAB_RECOMMEND_MAX_WALL_SECONDS, false));
        }
        return targets;
    }

    private static List<Target> baseTargets(BenchResults r) {
        return List.of(
                target("pipeline events/s >= 0.5 x raw conditional writes/s", "pipelineToConditionalWrites",
                        pipelineRatio(r), PIPELINE_MIN_RATIO, true),
                target("check API p99 <= 1.5 x raw GetItem p99", "checkApiP99ToGetItemP99",
                        checkApiP99Ratio(r), CHECK_API_MAX_P99_RATIO, false),
                target("simulator: 10^6 events in <= 30 s of CPU", "simulatorMillionEventsCpuSeconds",
                        simulatorMillionCpuSeconds(r), SIMULATOR_MAX_CPU_SECONDS, false));
    }

    private static Target target(String name, String key, double value, double limit, boolean atLeast) {
        boolean met = !Double.isNaN(value) && (atLeast ? value >= limit : value <= limit);
        return new Target(name, key, value, limit, atLeast, met);
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    /** One JSON object: every figure, then {@code ratios} and {@code targets}. */
    public static String json(BenchResults r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", r.machine());
        root.put("quick", r.quick());
        root.put("elapsedSeconds", r.elapsedSeconds());
        root.put("dynamoDb", r.dynamoDb());
        root.put("ledger", r.ledger());
        root.put("pipeline", r.pipeline());
        root.put("checkApi", r.checkApi());
        root.put("simulator", r.simulator());
        if (r.lab() != null) {
            root.put("lab", r.lab());
        }
        root.put("tracker", r.tracker());
        Map<String, Object> ratios = new LinkedHashMap<>();
        Map<String, Object> targets = new LinkedHashMap<>();
        for (Target t : targets(r)) {
            ratios.put(t.key(), Double.isNaN(t.value()) ? null : t.value());
            targets.put(t.key(), Map.of("limit", t.limit(), "atLeast", t.atLeast(), "met", t.met()));
        }
        root.put("ratios", ratios);
        root.put("targets", targets);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the bench figures as JSON", e);
        }
    }

    /** The figures as a table, numbered as in docs/PERFORMANCE.md. */
    public static String table(BenchResults r) {
        StringBuilder out = new StringBuilder();
        BenchResults.MachineInfo m = r.machine();
        line(out, "streamlimit bench%s: %d CPUs (%s), Java %s, %s; load average %s at start; %.0f s in all",
                r.quick() ? " --quick" : "", m.cpus(), m.cpuModel(), m.java(), m.os(),
                m.loadAverage() < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", m.loadAverage()), r.elapsedSeconds());
        line(out, "");
        OpsFigures w = r.dynamoDb().conditionalWrites();
        RateFigures g = r.dynamoDb().getItem();
        line(out, "1. dynalite over HTTP (the pipeline's server and client; writes in two windows around 3, reads interleaved with 4)");
        row(out, "conditional PutItem, " + w.threads() + " threads", rate(w.perSecond(), "writes/s"), latency(w.latency()), errors(w.errors()));
        row(out, "GetItem (consistent), " + offered(g), rate(g.achievedPerSecond(), "reads/s"), latency(g.latency()), errors(g.errors()));
        BenchResults.LedgerFigures l = r.ledger();
        line(out, "2. Ledger on dynalite, %,d uids, %d threads", l.uids(), l.acquire().threads());
        row(out, "acquire", rate(l.acquire().perSecond(), "ops/s"), latency(l.acquire().latency()), errors(l.acquire().errors()));
        row(out, "check", rate(l.check().perSecond(), "ops/s"), latency(l.check().latency()), errors(l.check().errors()));
        BenchResults.PipelineFigures p = r.pipeline();
        line(out, "3. Pipeline end to end: publish -> SNS -> ElasticMQ -> ESM -> Lambda emulator -> consumer -> ledger");
        row(out, String.format(Locale.ROOT, "%,d events, max concurrency %d", p.events(), p.maximumConcurrency()),
                rate(p.eventsPerSecond(), "events/s"), String.format(Locale.ROOT, "steady %,.0f/s, %.1f s, batch %.1f, ledger %.2f req/event",
                        p.steadyEventsPerSecond(), p.seconds(), p.meanBatchSize(), p.ledgerRequestsPerEvent()),
                p.completed() == p.events() ? "" : String.format(Locale.ROOT, "%,d completed", p.completed()));
        row(out, "  ratio to raw conditional writes/s", String.format(Locale.ROOT, "%.2f x", pipelineRatio(r)), "", "");
        RateFigures c = r.checkApi();
        line(out, "4. Check API over HTTP (GET /check/{uid}), open loop, interleaved with the raw GetItems of 1");
        row(out, offered(c), rate(c.achievedPerSecond(), "req/s"), latency(c.latency()), errors(c.errors()));
        row(out, "  p99 ratio to raw GetItem p99", String.format(Locale.ROOT, "%.2f x", checkApiP99Ratio(r)), "", "");
        line(out, "5. Simulator (%s), CPU time of the simulating thread after warm-up", r.simulator().scenario());
        for (SimulatorRun s : r.simulator().runs()) {
            row(out, String.format(Locale.ROOT, "%,d events (mean of %d)", s.events(), s.runs()), rate(s.eventsPerCpuSecond(), "events/CPU-s"),
                    String.format(Locale.ROOT, "%.3f s CPU, %.3f s wall", s.cpuSecondsPerRun(), s.wallSecondsPerRun()), "");
        }
        BenchResults.TrackerFigures t = r.tracker();
        line(out, "6. Tracker over HTTP (GET /<path> with a token), %d threads", t.oneInstance().threads());
        row(out, "1 instance", rate(t.oneInstance().perSecond(), "req/s"), latency(t.oneInstance().latency()), errors(t.oneInstance().errors()));
        if (t.threeInstances() != null) {
            row(out, "3 instances, one dynalite", rate(t.threeInstances().perSecond(), "req/s"), latency(t.threeInstances().latency()),
                    errors(t.threeInstances().errors()));
        }
        if (r.lab() != null) {
            line(out, "7. The lab at scale: 10^6 simulated events saved to PostgreSQL with COPY; recommend over a day");
            List<BenchResults.LabSimulation> sims = new java.util.ArrayList<>(List.of(r.lab().throttled(), r.lab().recommended()));
            if (r.lab().kinesis() != null) {
                sims.add(r.lab().kinesis());
            }
            for (BenchResults.LabSimulation sim : sims) {
                row(out, String.format(Locale.ROOT, "%s, %,d events", sim.scenario(), sim.events()),
                        String.format(Locale.ROOT, "%.1f s wall", sim.totalWallSeconds()),
                        String.format(Locale.ROOT, "sim %.1f s (%.1f CPU), save %.1f s", sim.simulateWallSeconds(),
                                sim.simulateCpuSeconds(), sim.saveWallSeconds()),
                        String.format(Locale.ROOT, "%,d rows, peak heap %,.0f MB", sim.rows(), sim.peakHeapMb()));
            }
            BenchResults.LabRecommend d = r.lab().recommend();
            row(out, String.format(Locale.ROOT, "recommend --limit 1, %,d events over %,d s", d.events(), d.seconds()),
                    String.format(Locale.ROOT, "%.1f s wall", d.wallSeconds()),
                    String.format(Locale.ROOT, "%.1f s CPU, %d candidates, %d stopped", d.cpuSeconds(), d.candidates(),
                            d.stoppedEarly()),
                    String.format(Locale.ROOT, "winner lost %d, over %d s; peak heap %,.0f MB", d.winnerLost(),
                            d.winnerSecondsOverLimit(), d.peakHeapMb()));
        }
        line(out, "");
        line(out, "Targets");
        List<Target> targets = targets(r);
        int width = targets.stream().mapToInt(target -> target.name().length()).max().orElse(0);
        for (Target target : targets) {
            line(out, "   %-" + width + "s %8s   %s", target.name(),
                    Double.isNaN(target.value()) ? "n/a" : String.format(Locale.ROOT, "%.2f", target.value()),
                    target.met() ? "met" : "MISSED");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static void row(StringBuilder out, String what, String rate, String latency, String note) {
        String text = String.format(Locale.ROOT, "   %-44s %20s   %-28s %s", what, rate, latency, note);
        out.append(text.stripTrailing()).append(System.lineSeparator());
    }

    private static String offered(RateFigures f) {
        return String.format(Locale.ROOT, "%.0f/s offered, %d clients", f.offeredPerSecond(), f.clientThreads());
    }

    private static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
    }

    private static String latency(LatencySummary l) {
        return String.format(Locale.ROOT, "p50 %.2f ms  p99 %.2f ms", l.p50Millis(), l.p99Millis());
    }

    private static String errors(long errors) {
        return errors == 0 ? "" : String.format(Locale.ROOT, "%,d errors", errors);
    }

    /** Figures to four significant digits: the noise is far larger than that. */
    private static final class RoundingSerializer extends StdSerializer<Double> {

        RoundingSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString());
            }
        }
    }
}
