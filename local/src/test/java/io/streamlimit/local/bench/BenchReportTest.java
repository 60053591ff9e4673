package io.streamlimit.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.cli.StreamlimitCli;
import io.streamlimit.local.bench.BenchResults.DynamoDbFigures;
import io.streamlimit.local.bench.BenchResults.LedgerFigures;
import io.streamlimit.local.bench.BenchResults.MachineInfo;
import io.streamlimit.local.bench.BenchResults.PipelineFigures;
import io.streamlimit.local.bench.BenchResults.SimulatorFigures;
import io.streamlimit.local.bench.BenchResults.SimulatorRun;
import io.streamlimit.local.bench.BenchResults.TrackerFigures;
import io.streamlimit.results.InvocationRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figure assembly on made-up measurements: what the bench prints, not how fast anything is. */
class BenchReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void json_is_one_object_with_every_figure_ratio_and_target() throws Exception {
        JsonNode root = JSON.readTree(BenchReport.json(results(250, 1.2, 4.0, true)));

        assertThat(root.fieldNames()).toIterable().containsExactly("machine", "quick", "elapsedSeconds", "dynamoDb", "ledger",
                "pipeline", "checkApi", "simulator", "tracker", "ratios", "targets");
        assertThat(root.at("/machine/cpus").asInt()).isEqualTo(2);
        assertThat(root.at("/dynamoDb/conditionalWrites/perSecond").asDouble()).isEqualTo(1000);
        assertThat(root.at("/dynamoDb/getItem/latency/p99Millis").asDouble()).isEqualTo(10);
        assertThat(root.at("/ledger/acquire/perSecond").asDouble()).isEqualTo(400);
        assertThat(root.at("/ledger/check/latency/p50Millis").asDouble()).isEqualTo(2);
        assertThat(root.at("/pipeline/eventsPerSecond").asDouble()).isEqualTo(250);
        assertThat(root.at("/checkApi/latency/p99Millis").asDouble()).isEqualTo(12);
        assertThat(root.at("/simulator/runs")).hasSize(3);
        assertThat(root.at("/simulator/runs/2/events").asInt()).isEqualTo(1_000_000);
        assertThat(root.at("/tracker/oneInstance/perSecond").asDouble()).isEqualTo(300);
        assertThat(root.at("/tracker/threeInstances/perSecond").asDouble()).isEqualTo(500);
        assertThat(root.at("/ratios/pipelineToConditionalWrites").asDouble()).isEqualTo(0.25);
        assertThat(root.at("/ratios/checkApiP99ToGetItemP99").asDouble()).isEqualTo(1.2);
        assertThat(root.at("/ratios/simulatorMillionEventsCpuSeconds").asDouble()).isEqualTo(4);
        assertThat(root.at("/targets/pipelineToConditionalWrites/met").asBoolean()).isFalse();
        assertThat(root.at("/targets/checkApiP99ToGetItemP99/met").asBoolean()).isTrue();
        assertThat(root.at("/targets/simulatorMillionEventsCpuSeconds/met").asBoolean()).isTrue();
    }

    @Test
    void targets_compare_each_ratio_with_its_limit_in_the_right_direction() {
        assertThat(BenchReport.targets(results(600, 1.6, 31, true))).extracting(BenchReport.Target::met)
                .containsExactly(true, false, false);
        assertThat(BenchReport.targets(results(500, 1.5, 30, true))).extracting(BenchReport.Target::met)
                .containsExactly(true, true, true);
    }

    @Test
    void without_a_million_event_run_the_simulator_target_is_not_met_and_its_ratio_is_null() throws Exception {
        BenchResults r = results(600, 1.0, 1, false);

        assertThat(BenchReport.simulatorMillionCpuSeconds(r)).isNaN();
        assertThat(BenchReport.targets(r).get(2).met()).isFalse();
        assertThat(JSON.readTree(BenchReport.json(r)).at("/ratios/simulatorMillionEventsCpuSeconds").isNull()).isTrue();
    }

    @Test
    void table_shows_the_six_parts_and_the_targets() {
        String table = BenchReport.table(results(250, 1.2, 4.0, true));

        assertThat(table).contains("1. dynalite", "2. Ledger", "3. Pipeline", "4. Check API", "5. Simulator",
                "6. Tracker", "3 instances", "Targets", "1,000 writes/s", "250 events/s", "0.25 x", "1.20 x", "MISSED", "met");
    }

    @Test
    void table_leaves_out_three_tracker_instances_when_not_measured() {
        BenchResults r = results(250, 1.2, 4.0, true);
        BenchResults oneTracker = new BenchResults(r.machine(), r.quick(), r.elapsedSeconds(), r.dynamoDb(), r.ledger(), r.pipeline(),
                r.checkApi(), r.simulator(), new TrackerFigures(r.tracker().oneInstance(), null));

        assertThat(BenchReport.table(oneTracker)).contains("1 instance").doesNotContain("3 instances");
    }

    @Test
    void percentiles_are_nearest_rank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }

        LatencySummary summary = LatencySummary.ofNanos(nanos);

        assertThat(summary).isEqualTo(new LatencySummary(100, 50, 99, 100));
        assertThat(LatencySummary.ofNanos(new long[0])).isEqualTo(LatencySummary.NONE);
        assertThat(LatencySummary.ofNanos(new long[] {3_000_000})).isEqualTo(new LatencySummary(1, 3, 3, 3));
    }

    @Test
    void pipeline_throughput_counts_each_event_once_from_first_publish_to_last_completion() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<InvocationRow> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Instant done = t0.plusMillis(1_000 + 10L * i);
            rows.add(new InvocationRow("run", i, t0, done.minusMillis(5), done, "g", "b" + i / 10, "c"));
        }
        // A redelivered event completes twice: it counts once, at its first completion.
        rows.add(new InvocationRow("run", 5, t0, t0.plusMillis(2_000), t0.plusMillis(2_500), "g", "b-again", "c"));

        PipelineFigures figures = PipelineBench.figures(100, 16, rows, 11, 22, 80);

        assertThat(figures.completed()).isEqualTo(100);
        assertThat(figures.seconds()).isEqualTo(1.99);
        assertThat(figures.eventsPerSecond()).isEqualTo(100 / 1.99);
        assertThat(figures.steadyEventsPerSecond()).isEqualTo(79 / 0.79, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(figures.meanBatchSize()).isEqualTo(101 / 11.0);
        assertThat(figures.sqsRequestsPerEvent()).isEqualTo(0.22);
        assertThat(figures.ledgerRequestsPerEvent()).isEqualTo(0.8);
    }

    @Test
    void interleaved_requests_alternate_and_each_side_gets_its_own_latencies_and_errors() throws Exception {
        List<Long> firsts = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> seconds = java.util.Collections.synchronizedList(new ArrayList<>());

        OpenLoop.Pair pair = OpenLoop.measureInterleaved("test", 100, 2, java.time.Duration.ZERO,
                java.time.Duration.ofMillis(100), firsts::add, index -> {
                    seconds.add(index);
                    if (index == 3) {
                        throw new IllegalStateException("refused");
                    }
                });

        assertThat(firsts).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, 10).boxed().toList());
        assertThat(seconds).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, 10).boxed().toList());
        assertThat(pair.first().requests()).isEqualTo(10);
        assertThat(pair.first().errors()).isZero();
        assertThat(pair.second().requests()).isEqualTo(10);
        assertThat(pair.second().errors()).isEqualTo(1);
        assertThat(pair.first().latencies()).as("every slot measured").hasSize(10).doesNotContain(0L);
        assertThat(pair.first().offeredPerSecond()).isEqualTo(100);
    }

    @Test
    void closed_loop_windows_combine_into_one_measurement() {
        ClosedLoop.Result a = new ClosedLoop.Result(8, 100, 0, 1.0, new long[] {1_000_000, 2_000_000});
        ClosedLoop.Result b = new ClosedLoop.Result(8, 300, 10, 2.0, new long[] {3_000_000});

        OpsFigures both = a.plus(b).figures();

        assertThat(both.operations()).isEqualTo(400);
        assertThat(both.errors()).isEqualTo(10);
        assertThat(both.perSecond()).isEqualTo(130);
        assertThat(both.latency().samples()).isEqualTo(3);
        assertThat(both.latency().maxMillis()).isEqualTo(3);
    }

    @Test
    void the_cli_has_the_bench_command() {
        assertThat(StreamlimitCli.commandLine().getSubcommands()).containsKey("bench");
        assertThat(StreamlimitCli.commandLine().getSubcommands().get("bench").getCommandSpec().options())
                .extracting(o -> o.longestName()).contains("--json", "--quick");
    }

    /**
     * Made-up figures: raw writes 1,000/s and GetItem p99 10 ms, so the pipeline's rate and the
     * check API's p99 ratio come out as given.
     */
    static BenchResults results(double pipelinePerSecond, double checkP99Ratio, double millionCpuSeconds, boolean withMillion) {
        OpsFigures writes = new OpsFigures(8, 6_000, 0, 6, 1_000, new LatencySummary(6_000, 5, 20, 40));
        RateFigures getItem = new RateFigures(200, 16, 4_000, 0, 200, new LatencySummary(4_000, 3, 10, 30));
        LedgerFigures ledger = new LedgerFigures(20_000, new OpsFigures(8, 2_400, 0, 6, 400, new LatencySummary(2_400, 15, 60, 90)),
                new OpsFigures(8, 7_200, 0, 6, 1_200, new LatencySummary(7_200, 2, 9, 20)));
        PipelineFigures pipeline = new PipelineFigures(8_000, 8_000, 16, 8_000 / pipelinePerSecond, pipelinePerSecond,
                pipelinePerSecond * 1.1, 9.9, 0.2, 0.8);
        RateFigures checkApi = new RateFigures(200, 16, 2_000, 0, 200, new LatencySummary(2_000, 4, 10 * checkP99Ratio, 50));
        List<SimulatorRun> runs = new ArrayList<>(List.of(new SimulatorRun(1_000, 50, 0.001, 0.001, 1_000_000),
                new SimulatorRun(100_000, 3, 0.1, 0.1, 1_000_000)));
        if (withMillion) {
            runs.add(new SimulatorRun(1_000_000, 1, millionCpuSeconds, millionCpuSeconds, 1_000_000 / millionCpuSeconds));
        }
        TrackerFigures tracker = new TrackerFigures(new OpsFigures(8, 1_800, 0, 6, 300, new LatencySummary(1_800, 20, 50, 80)),
                new OpsFigures(8, 3_000, 0, 6, 500, new LatencySummary(3_000, 12, 40, 70)));
        return new BenchResults(new MachineInfo(2, "AMD EPYC", "17.0.15", "Linux", 1.5), false, 150,
                new DynamoDbFigures(writes, getItem), ledger, pipeline, checkApi, new SimulatorFigures("bench-recommended", runs), tracker);
    }
}
