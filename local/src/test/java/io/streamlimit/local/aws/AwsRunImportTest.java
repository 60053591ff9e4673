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
