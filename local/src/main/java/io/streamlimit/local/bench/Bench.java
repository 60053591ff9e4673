package io.streamlimit.local.bench;

import io.streamlimit.local.bench.BenchResults.DynamoDbFigures;
import io.streamlimit.local.bench.BenchResults.LedgerFigures;
import io.streamlimit.local.bench.BenchResults.MachineInfo;
import io.streamlimit.local.bench.BenchResults.PipelineFigures;
import io.streamlimit.local.bench.BenchResults.LabFigures;
import io.streamlimit.local.bench.BenchResults.SimulatorFigures;
import io.streamlimit.local.bench.BenchResults.TrackerFigures;
import io.streamlimit.local.run.RunProgress;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.stack.LocalStackOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code streamlimit bench}: measures, in one run on loopback, raw dynalite, the ledger, the
 * pipeline end to end, the check API, the simulator and the tracker, so that the ratios between
 * them come from the same machine at the same moment. The simulator runs first, before the
 * services start, so that their idle threads do not disturb it.
 */
public final class Bench {

    private final BenchSettings settings;
    private final PrintWriter progress;
    private final long created = System.nanoTime();

    /** @param progress where to say what is being measured (standard error for the CLI) */
    public Bench(BenchSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public BenchResults run() throws Exception {
        long started = System.nanoTime();
        MachineInfo machine = machineInfo();
        say("5. simulator: warm-up, then %s events", settings.simulatorEvents().stream()
                .map(s -> String.format(Locale.ROOT, "%,d", s.events())).toList());
        SimulatorFigures simulator = SimulatorBench.run(settings, events -> say("   simulating %,d events", events));
        simulator.runs().forEach(r -> say("   %,d events: %.3f s CPU, %,.0f events/CPU-s", r.events(), r.cpuSecondsPerRun(), r.eventsPerCpuSecond()));

        say("starting the local stack (dynalite, ElasticMQ, local SNS, embedded PostgreSQL)...");
        Path resultsDir = Files.createTempDirectory("streamlimit-bench-results");
        try (LocalStack stack = LocalStack.start(new LocalStackOptions(0, null, 0, resultsDir, 0, null))) {
            say("7. the lab at scale: 10^6 events of 04 and of recommended.yaml, simulated and saved; recommend over a day");
            LabFigures lab = LabBench.run(Path.of("scenarios"), stack.results(), line -> say("%s", line));
            RawDynamoDbBench raw = new RawDynamoDbBench(stack.dynamoDb(), settings.threads());
            PipelineBench pipelineBench = new PipelineBench(stack);
            say("warming up: conditional writes, then a pipeline run of %,d events", settings.pipelineWarmUpEvents());
            raw.writes(Duration.ZERO, settings.warmUp().multipliedBy(2));
            pipelineBench.warmUp(settings);

            // The ratios' two sides are measured next to each other: the raw figure in a window
            // before and one after what it is compared with, combined, so that drift in a shared
            // machine's load weighs on both sides alike.
            say("1. raw dynalite: conditional writes from %d threads (window 1 of 2)", settings.threads());
            ClosedLoop.Result writes = raw.writes(settings.warmUp(), settings.measure());
            say("   %,.0f writes/s", writes.figures().perSecond());
            say("3. pipeline: %,d events, max concurrency %d", settings.pipelineEvents(), settings.pipelineConcurrency());
            PipelineFigures pipeline = pipelineBench.measure(settings, pipelineProgress());
            say("   %,d of %,d events in %.1f s: %,.0f events/s (steady %,.0f/s)", pipeline.completed(), pipeline.events(),
                    pipeline.seconds(), pipeline.eventsPerSecond(), pipeline.steadyEventsPerSecond());
            say("1. raw dynalite: conditional writes (window 2 of 2)");
            ClosedLoop.Result writesAfter = raw.writes(settings.warmUp(), settings.measure());
            say("   %,.0f writes/s", writesAfter.figures().perSecond());
            writes = writes.plus(writesAfter);

            say("2. ledger: acquire, then check, %d threads over %,d uids", settings.threads(), settings.ledgerUids());
            LedgerFigures ledger = new LedgerBench(stack.dynamoDb()).run(settings);
            say("   acquire %,.0f ops/s, check %,.0f ops/s", ledger.acquire().perSecond(), ledger.check().perSecond());

            RateFigures reads;
            RateFigures checkApi;
            say("4. starting the check API (as streamlimit up serves it)");
            try (CheckApiBench api = new CheckApiBench(stack)) {
                say("1./4. raw GetItem and GET /check over HTTP, interleaved, each at %.0f/s, open loop", settings.offeredPerSecond());
                OpenLoop.Pair pair = OpenLoop.measureInterleaved("get-and-check", settings.offeredPerSecond(),
                        settings.openLoopClients(), settings.warmUp(), settings.openLoopMeasure(), raw.consistentGet(), api.check());
                reads = pair.first().figures();
                checkApi = pair.second().figures();
                say("   GetItem p50 %.2f ms, p99 %.2f ms; check API p50 %.2f ms, p99 %.2f ms", reads.latency().p50Millis(),
                        reads.latency().p99Millis(), checkApi.latency().p50Millis(), checkApi.latency().p99Millis());
            }
            DynamoDbFigures dynamoDb = new DynamoDbFigures(writes.figures(), reads);

            say("6. tracker over HTTP: 1 instance%s, %d threads", settings.trackerInstances() >= 3 ? ", then 3" : "", settings.threads());
            TrackerFigures tracker = new TrackerHttpBench(stack.dynamoDb()).run(settings);
            say("   1 instance %,.0f req/s%s", tracker.oneInstance().perSecond(), tracker.threeInstances() == null ? ""
                    : String.format(Locale.ROOT, ", 3 instances %,.0f req/s", tracker.threeInstances().perSecond()));

            double elapsed = (System.nanoTime() - started) / 1e9;
            return new BenchResults(machine, settings.quick(), elapsed, dynamoDb, ledger, pipeline, checkApi, simulator, tracker, lab);
        } finally {
            deleteQuietly(resultsDir);
        }
    }

    private RunProgress pipelineProgress() {
        long[] lastSaid = {0};
        return s -> {
            long second = s.elapsed().toSeconds();
            if (second >= lastSaid[0] + 2) {
                lastSaid[0] = second;
                say("   %ds: published %,d, completed %,d of %,d, %d busy", second, s.published(), s.completed(), s.total(), s.busyInstances());
            }
        };
    }

    private void say(String format, Object... args) {
        progress.println(String.format(Locale.ROOT, "bench %5.1fs: ", (System.nanoTime() - created) / 1e9)
                + String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    /** The machine: CPUs, CPU model (from /proc/cpuinfo where there is one), Java, OS and load. */
    static MachineInfo machineInfo() {
        String model = System.getProperty("os.arch");
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            model = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(model);
        } catch (IOException | UncheckedIOException e) {
            // Not Linux: the architecture will do.
        }
        String java = System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vm.name") + ")";
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), model, java,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is not worth failing the bench for.
        }
    }
}
