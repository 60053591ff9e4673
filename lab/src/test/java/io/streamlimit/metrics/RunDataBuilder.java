package io.streamlimit.metrics;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-made runs for tests: times are milliseconds after {@link #T0}. */
public final class RunDataBuilder {

    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final String runId;
    private String scenario = "hand-made";
    private String mode = "simulate";
    private String configurationJson = "{\"name\":\"hand-made\",\"consumer\":{\"reservedConcurrency\":1}}";
    private long totalEvents;
    private int limitPerSecond = 1;
    private int memoryMb = 512;
    private final Map<String, Long> requestCounts = new HashMap<>();
    private final List<InvocationRow> rows = new ArrayList<>();
    private final List<PipelineEvent> events = new ArrayList<>();

    private RunDataBuilder(String runId) {
        this.runId = runId;
    }

    public static RunDataBuilder run(String runId) {
        return new RunDataBuilder(runId);
    }

    public static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    public RunDataBuilder scenario(String scenario) {
        this.scenario = scenario;
        return this;
    }

    public RunDataBuilder mode(String mode) {
        this.mode = mode;
        return this;
    }

    public RunDataBuilder configuration(String json) {
        this.configurationJson = json;
        return this;
    }

    public RunDataBuilder totalEvents(long totalEvents) {
        this.totalEvents = totalEvents;
        return this;
    }

    public RunDataBuilder limit(int limitPerSecond) {
        this.limitPerSecond = limitPerSecond;
        return this;
    }

    public RunDataBuilder memoryMb(int memoryMb) {
        this.memoryMb = memoryMb;
        return this;
    }

    public RunDataBuilder count(String key, long value) {
        requestCounts.put(key, value);
        return this;
    }

    /** One processed event: sent, started and completed at these offsets, by this batch and instance. */
    public RunDataBuilder row(long id, long sentMillis, long startedMillis, long completedMillis, String batchId) {
        rows.add(new InvocationRow(runId, id, at(sentMillis), at(startedMillis), at(completedMillis),
                "consumer", batchId, "cache-" + batchId));
        return this;
    }

    public RunDataBuilder row(InvocationRow row) {
        rows.add(row);
        return this;
    }

    /** One handler invocation of {@code batchId} starting at {@code atMillis} and running {@code durationMillis}. */
    public RunDataBuilder invoke(String batchId, long atMillis, long durationMillis) {
        events.add(new PipelineEvent(runId, at(atMillis), PipelineEventKind.INVOKE, null, batchId,
                "cache-" + batchId, durationMillis, 1));
        return this;
    }

    public RunDataBuilder event(PipelineEventKind kind, long atMillis, Long eventId) {
        events.add(new PipelineEvent(runId, at(atMillis), kind, eventId, null, null, 0, 0));
        return this;
    }

    public RunData build() {
        long total = totalEvents > 0 ? totalEvents : rows.stream().mapToLong(InvocationRow::id).distinct().count();
        RunRecord run = new RunRecord(runId, scenario, mode, configurationJson, T0, at(lastMillis()),
                total, limitPerSecond, memoryMb, requestCounts);
        return new RunData(run, rows, events);
    }

    private long lastMillis() {
        long last = 0;
        for (InvocationRow row : rows) {
            last = Math.max(last, row.completedAt().toEpochMilli() - T0.toEpochMilli());
        }
        return last;
    }
}
