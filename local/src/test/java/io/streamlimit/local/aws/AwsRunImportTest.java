package io.streamlimit.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How CloudWatch's per-period counts become rows. */
class AwsRunImportTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final MetricWindow WINDOW = new MetricWindow(T0, T0.plusSeconds(600), 60);

    @Test
    void a_receive_is_a_redelivery_once_every_message_sent_by_then_was_received() {
        AwsRunMetrics metrics = metrics(series(0, 10, 1, 5, 2, 4), series(0, 12, 2, 3), series(), series(), series());

        // Minute 0: 10 received of 12 sent; minute 1: 15 of 12 (3 again); minute 2: 19 of 15 (1 more).
        assertThat(AwsRunImport.redeliveries(metrics)).isEqualTo(series(1, 3, 2, 1));
    }

    @Test
    void without_a_queue_sns_lambda_runs_get_throttles_dlq_arrivals_and_concurrency_but_no_redeliveries() {
        AwsRunMetrics metrics = metrics(series(), series(), series(0, 2), series(3, 1), series(0, 5));

        RunData run = AwsRunImport.build("aws-02-1", ScenarioLoader.load(Path.of("../scenarios/02-sns-rc1.yaml")), List.of(),
                metrics, WINDOW);

        assertThat(run.pipelineCounts().total(PipelineEventKind.THROTTLE)).isEqualTo(2);
        assertThat(run.pipelineCounts().firstSecond()).isEqualTo(T0.getEpochSecond());
        assertThat(run.pipelineCounts().total(PipelineEventKind.REDELIVERY)).isZero();
        assertThat(run.pipelineEvents()).extracting(PipelineEvent::kind).containsExactly(PipelineEventKind.DLQ,
                PipelineEventKind.CONCURRENCY);
        assertThat(run.pipelineEvents().get(0).at()).isEqualTo(T0.plusSeconds(180));
        assertThat(run.pipelineEvents().get(1).batchSize()).isEqualTo(5);
        assertThat(run.run().mode()).isEqualTo("aws");
        assertThat(run.run().totalEvents()).as("no publishes measured: completed plus DLQ arrivals").isEqualTo(1);
        assertThat(run.run().startedAt()).isEqualTo(WINDOW.from());
    }

    @Test
    void a_kinesis_run_gets_its_shards_refused_puts_iterator_age_and_on_failure_arrivals_and_no_publishes() {
        AwsRunMetrics metrics = new AwsRunMetrics(series(0, 1), series(0, 2), series(0, 5), series(), series(), series(4, 1),
                series(0, 30, 1, 10), series(2, 3), series(0, 900, 1, 61_000), series(0, 7));

        RunData run = AwsRunImport.build("aws-kinesis-1", ScenarioLoader.load(Path.of("../scenarios/kinesis-blocked-shard.yaml")),
                List.of(), metrics, WINDOW);

        assertThat(run.pipelineCounts().total(PipelineEventKind.PUT_THROTTLE)).isEqualTo(7);
        assertThat(run.pipelineCounts().total(PipelineEventKind.THROTTLE)).isEqualTo(1);
        assertThat(run.pipelineCounts().total(PipelineEventKind.REDELIVERY)).isZero();
        List<Long> ages = new java.util.ArrayList<>();
        run.pipelineCounts().forEach((kind, second, count) -> {
            if (kind == PipelineEventKind.ITERATOR_AGE) {
                ages.add(second - T0.getEpochSecond());
                ages.add(count);
            }
        });
        assertThat(ages).as("each period's maximum at its first second").containsExactly(0L, 900L, 60L, 61_000L);
        // One DLQ arrival and three batches given up, all DLQ rows (onFailureRecords), at their periods' starts.
        assertThat(run.pipelineEvents()).filteredOn(e -> e.kind() == PipelineEventKind.DLQ).extracting(PipelineEvent::at)
                .containsExactly(T0.plusSeconds(240), T0.plusSeconds(120), T0.plusSeconds(120), T0.plusSeconds(120));
        assertThat(run.run().totalEvents()).as("the stream's incoming records").isEqualTo(40);
        assertThat(run.run().requestCounts()).containsEntry("kinesisShards", 2L).containsEntry("kinesisPayloadUnits", 40L)
                .containsEntry("kinesisPutThrottles", 7L).doesNotContainKey("snsPublishes");
    }

    private static AwsRunMetrics metrics(TreeMap<Instant, Long> received, TreeMap<Instant, Long> sent,
                                         TreeMap<Instant, Long> throttles, TreeMap<Instant, Long> deadLettered,
                                         TreeMap<Instant, Long> concurrency) {
        return new AwsRunMetrics(throttles, concurrency, series(), received, sent, deadLettered, series());
    }

    /** Pairs of (minute, value). */
    private static TreeMap<Instant, Long> series(long... minuteValue) {
        TreeMap<Instant, Long> series = new TreeMap<>();
        for (int i = 0; i < minuteValue.length; i += 2) {
            series.put(T0.plusSeconds(60 * minuteValue[i]), minuteValue[i + 1]);
        }
        return series;
    }
}
