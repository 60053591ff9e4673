package io.streamlimit.report;

import static io.streamlimit.metrics.RunDataBuilder.run;

import io.streamlimit.metrics.RunDataBuilder;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;

/** Runs shaped like the original experiments, for the report tests. */
final class SampleRuns {

    private SampleRuns() {
    }

    /**
     * Reserved concurrency 1 with a low visibility timeout: one event a second, throttles at the
     * start, some messages dead-lettered, a burst over the limit in the middle.
     */
    static RunData throttledRun(String runId, int events) {
        RunDataBuilder builder = run(runId).scenario("03-sqs-rc1-low-visibility").mode("simulate").limit(1)
                .totalEvents(events)
                .configuration("{\"name\":\"03-sqs-rc1-low-visibility\",\"pipeline\":\"sns-sqs-lambda\","
                        + "\"queue\":{\"visibilityTimeoutSeconds\":10,\"maxReceiveCount\":5},"
                        + "\"description\":\"<b>escaped</b> & kept\"}");
        int completed = events * 4 / 5;
        for (int i = 0; i < completed; i++) {
            long start = 200 + i * 1_000L;
            builder.invoke("b" + i, start, 1_050).row(i, i % 50, start + 10, start + 1_010, "b" + i);
        }
        for (int i = 0; i < 3; i++) { // a burst: three extra inserts in one second
            builder.invoke("burst" + i, completed / 2 * 1_000L + 300, 900)
                    .row(completed + i, 0, completed / 2 * 1_000L + 310, completed / 2 * 1_000L + 900, "burst" + i);
        }
        for (int i = completed + 3; i < events; i++) {
            builder.event(PipelineEventKind.DLQ, 40_000 + i * 30L, (long) i);
        }
        for (int i = 0; i < events; i += 2) {
            builder.event(PipelineEventKind.THROTTLE, 100 + i * 20L, (long) i);
            builder.event(PipelineEventKind.REDELIVERY, 10_100 + i * 20L, (long) i);
        }
        return builder.build();
    }

    /** Five instances at once, five times the limit: short and over the limit. */
    static RunData fastRun(String runId, int events) {
        RunDataBuilder builder = run(runId).scenario("05-sqs-rc5-high-visibility").mode("simulate").limit(5)
                .totalEvents(events);
        for (int i = 0; i < events; i++) {
            long start = 100 + (i / 5) * 1_000L;
            builder.invoke("b" + i, start, 1_000).row(i, 0, start + 5, start + 1_000, "b" + i);
        }
        return builder.build();
    }

    /**
     * A steady rate of events, each inserted once, at the downstream's limit (the rate): a few
     * throttles, redeliveries and DLQ arrivals that come and go.
     */
    static RunData steadyRun(String runId, int perSecond, int seconds) {
        RunDataBuilder builder = run(runId).scenario("steady-" + perSecond + "-per-second").mode("simulate")
                .limit(perSecond).totalEvents((long) perSecond * seconds);
        long id = 0;
        for (int s = 0; s < seconds; s++) {
            for (int k = 0; k < perSecond; k++, id++) {
                long start = s * 1_000L + k * (1_000L / perSecond);
                builder.invoke("b" + id, start, 200).row(id, start, start + 1, start + 200, "b" + id);
            }
            for (int t = 0; t < (s * 7) % 5; t++) {
                builder.event(PipelineEventKind.THROTTLE, s * 1_000L + 500 + t, null);
            }
            if (s % 3 == 1) {
                builder.event(PipelineEventKind.REDELIVERY, s * 1_000L + 600, (long) s);
            }
            if (s % 4 == 2) {
                builder.event(PipelineEventKind.DLQ, s * 1_000L + 700, (long) s);
            }
        }
        return builder.build();
    }

    /** Rows only, as a run imported from elsewhere: no pipeline events at all. */
    static RunData rowsOnlyRun(String runId, int events) {
        RunDataBuilder builder = run(runId).scenario("rows-only").mode("local").limit(1).totalEvents(events);
        for (int i = 0; i < events; i++) {
            builder.row(i, i * 1_000L, i * 1_000L + 5, i * 1_000L + 200, "b" + i);
        }
        return builder.build();
    }
}
