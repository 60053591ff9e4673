package io.streamlimit.dashboards;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import io.streamlimit.scenario.ScenarioLoader;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runs the dashboard queries are checked on: three simulated by the real {@link Simulator} (one of the Kinesis pipeline)
 * (virtual time from 2026-01-01), one shaped like a local run (wall-clock timestamps with
 * microseconds, written by hand) and one shaped like an AWS run (rows only, no pipeline events).
 */
final class DashboardRuns {

    private DashboardRuns() {
    }

    /** Scenario 03 cut to {@code events}: throttles, redeliveries and dead-lettered events. */
    static RunData simulatedThrottled(int events) {
        return simulate("03-sqs-rc1-low-visibility.yaml", events, 1);
    }

    /** Scenario 01 cut to {@code events}: many instances at once, far over the limit. */
    static RunData simulatedUnlimited(int events) {
        return simulate("01-no-limits.yaml", events, 2);
    }

    /** kinesis-blocked-shard cut to {@code events}: failed batches retried, blocking their shard, the iterator age climbing. */
    static RunData simulatedKinesis(int events) {
        return simulate("kinesis-blocked-shard.yaml", events, 1);
    }

    private static RunData simulate(String scenarioFile, int events, long seed) {
        return Simulator.run(ScenarioLoader.load(scenariosDirectory().resolve(scenarioFile)),
                SimulationOptions.seed(seed).withEvents(events)).runData();
    }

    private static Path scenariosDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("scenarios")) && Files.isDirectory(dir.resolve("dashboards"))) {
                return dir.resolve("scenarios");
            }
        }
        throw new IllegalStateException("no scenarios/ directory above " + Path.of("").toAbsolutePath());
    }

    /**
     * A local run as {@code streamlimit run} records it, by hand: 27 events, limit 2/s, instances
     * A and B alternating with invocations that cross second boundaries, a pause that leaves empty
     * seconds, a burst on a third instance (over the limit, 3 busy at once), event 5 inserted twice
     * (timed out after its insert, redelivered), events 24-26 failing until the DLQ takes them (26
     * arriving twice), event 3 dead-lettered although it completed, throttles, cold starts.
     * Timestamps carry microseconds and start off the whole second.
     */
    static RunData local() {
        String runId = "local-20261123-101500-3fa2";
        Instant t0 = Instant.parse("2026-11-23T10:15:00.123456Z");
        List<InvocationRow> rows = new ArrayList<>();
        List<PipelineEvent> events = new ArrayList<>();
        for (String env : List.of("env-a", "env-b")) {
            events.add(new PipelineEvent(runId, t0.plusMillis(150), PipelineEventKind.COLD_START, null, null, env, 0, 0));
        }
        for (int i = 0; i < 20; i++) {
            String env = i % 2 == 0 ? "env-a" : "env-b";
            long slot = i / 2;
            long startMillis = 200 + slot * 1_100 + (i % 2) * 450 + (slot >= 6 ? 3_500 : 0);
            long duration = 1_000 + (i % 3) * 25;
            invocation(runId, t0, rows, events, i, i * 17L, startMillis, duration, "req-" + i, env);
        }
        // Event 5 again: the first invocation timed out after its insert, the message came back.
        long againMillis = 200 + 12 * 1_100 + 3_500;
        events.add(new PipelineEvent(runId, t0.plusMillis(againMillis - 400), PipelineEventKind.TIMEOUT, null, "req-5", "env-b", 0, 0));
        events.add(new PipelineEvent(runId, t0.plusMillis(againMillis - 10), PipelineEventKind.REDELIVERY, 5L, null, null, 0, 0));
        invocation(runId, t0, rows, events, 5, 5 * 17L, againMillis, 990, "req-5-again", "env-b");
        // A burst on a third instance: four short calls in one second while A and B are busy.
        events.add(new PipelineEvent(runId, t0.plusMillis(2_250), PipelineEventKind.COLD_START, null, null, "env-c", 0, 0));
        for (int i = 20; i < 24; i++) {
            invocation(runId, t0, rows, events, i, i * 17L, 2_300 + (i - 20) * 180L, 170, "req-" + i, "env-c");
        }
        // Events 24-26 fail every time (wasted invocations), are redelivered, then dead-lettered.
        for (int i = 24; i < 27; i++) {
            for (int attempt = 0; attempt < 2; attempt++) {
                long at = 9_000 + (i - 24) * 700L + attempt * 2_000L;
                events.add(new PipelineEvent(runId, t0.plusMillis(at).plusNanos(3_000), PipelineEventKind.INVOKE, null,
                        "req-" + i + "-" + attempt, "env-c", 120, 1));
                if (attempt > 0) {
                    events.add(new PipelineEvent(runId, t0.plusMillis(at - 5), PipelineEventKind.REDELIVERY, (long) i, null, null, 0, 0));
                }
            }
            events.add(new PipelineEvent(runId, t0.plusMillis(14_000 + (i - 24) * 333L).plusNanos(1_000),
                    PipelineEventKind.DLQ, (long) i, null, null, 0, 0));
        }
        // Event 3 completed and was dead-lettered anyway; event 26 arrives in the DLQ a second time.
        events.add(new PipelineEvent(runId, t0.plusMillis(12_400), PipelineEventKind.DLQ, 3L, null, null, 0, 0));
        events.add(new PipelineEvent(runId, t0.plusMillis(15_900), PipelineEventKind.DLQ, 26L, null, null, 0, 0));
        for (int k = 0; k < 9; k++) {
            events.add(new PipelineEvent(runId, t0.plusMillis(180 + k * 410L).plusNanos(k * 1_000L),
                    PipelineEventKind.THROTTLE, null, null, null, 0, 1));
        }
        Instant ended = t0.plusMillis(18_500);
        RunRecord run = new RunRecord(runId, "sqs-rc1-high-visibility", "local",
                "{\"name\":\"sqs-rc1-high-visibility\",\"events\":{\"total\":27,\"pattern\":\"burst\",\"users\":5,"
                        + "\"publishConcurrency\":4},\"pipeline\":\"sns-sqs-lambda\",\"queue\":{\"visibilityTimeoutSeconds\":30,"
                        + "\"maxReceiveCount\":2,\"batchSize\":1,\"batchWindowSeconds\":0},\"consumer\":{\"reservedConcurrency\":2,"
                        + "\"maximumConcurrency\":null,\"timeoutSeconds\":5,\"memoryMb\":256},\"downstream\":"
                        + "{\"ratePerSecond\":2,\"callMillis\":1000,\"enforce\":false}}",
                t0, ended, 27, 2, 256, Map.of("sqsRequests", 120L, "snsPublishes", 27L, "dynamoWriteUnits", 25L));
        return new RunData(run, rows, events);
    }

    private static void invocation(String runId, Instant t0, List<InvocationRow> rows, List<PipelineEvent> events,
            long id, long sentMillis, long startMillis, long durationMillis, String batchId, String env) {
        Instant start = t0.plusMillis(startMillis).plusNanos(250_000);
        events.add(new PipelineEvent(runId, start, PipelineEventKind.INVOKE, null, batchId, env, durationMillis, 1));
        rows.add(new InvocationRow(runId, id, t0.plusMillis(sentMillis).plusNanos(7_000), start.plusMillis(3),
                start.plusMillis(durationMillis - 2), "consumer", batchId, env));
    }

    /**
     * An AWS run as the deployed downstream records it: rows only, no pipeline events, so busy
     * instances come from the batches' rows. Batches of three, overlapping two at a time.
     */
    static RunData awsRowsOnly() {
        String runId = "aws-20261120-090000-0001";
        Instant t0 = Instant.parse("2026-11-20T09:00:00.900Z");
        List<InvocationRow> rows = new ArrayList<>();
        for (int batch = 0; batch < 6; batch++) {
            long batchStart = batch * 700L;
            for (int k = 0; k < 3; k++) {
                long id = batch * 3L + k;
                Instant started = t0.plusMillis(batchStart + 300 + k * 310L);
                rows.add(new InvocationRow(runId, id, t0.plusMillis(id * 5), started, started.plusMillis(300),
                        "consumer", "batch-" + batch, "env-" + (batch % 2)));
            }
        }
        RunRecord run = new RunRecord(runId, "recommended", "aws",
                "{\"name\":\"recommended\",\"events\":{\"total\":20},\"pipeline\":\"sns-sqs-lambda\","
                        + "\"queue\":{\"visibilityTimeoutSeconds\":120,\"maxReceiveCount\":5,\"batchSize\":3,\"batchWindowSeconds\":1},"
                        + "\"consumer\":{\"reservedConcurrency\":2,\"maximumConcurrency\":2,\"timeoutSeconds\":10,\"memoryMb\":512},"
                        + "\"downstream\":{\"ratePerSecond\":3,\"callMillis\":300,\"enforce\":false}}",
                t0, t0.plusMillis(5_200), 20, 3, 512, Map.of());
        return new RunData(run, rows, List.of());
    }
}
