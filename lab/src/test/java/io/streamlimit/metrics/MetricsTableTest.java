package io.streamlimit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTableTest {

    @Test
    void table_lists_designs_metric_names_with_values_right_aligned() {
        String table = MetricsTable.format(MetricsJsonTest.SAMPLE);
        List<String> lines = table.lines().toList();

        assertThat(lines).hasSize(2 + Metric.values().length);
        assertThat(lines.get(0)).startsWith("Metric").endsWith("Value");
        assertThat(table).contains("Total events", "Events completed", "Events failed", "Time taken",
                "Latency p50", "Latency p95", "Latency p99", "Latency max", "Max backlog (events waiting)", "Max concurrency", "Avg DB inserts per second", "Max DB inserts per second",
                "Min DB inserts per second", "Seconds over the limit", "Throttles", "Redeliveries",
                "Wasted invocations", "Cost", "Provisioned concurrency cost", "Standing charges per day",
                "Standing charges per month", "Delivered share",
                "Limit utilisation (mean)", "Limit utilisation (peak)", "Max iterator age", "On-failure records",
                "Shard-blocking retries");
        assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
        assertThat(table).contains("1000.000 s", "$0.000000");
    }

    @Test
    void comparison_table_has_one_column_per_run() {
        RunMetrics other = new RunMetrics("run-2", "04", "simulate", 1_000, 1_000, 0, 1000.5, 1, 1, 1, 0, 0,
                0, 0, 0, 0.0099, 0.003125, 1, 1, 1);

        String table = MetricsTable.format(List.of(MetricsJsonTest.SAMPLE, other));

        String header = table.lines().findFirst().orElseThrow();
        assertThat(Arrays.asList(header.trim().split("\\s+"))).containsExactly("Metric", "run-1", "run-2");
        assertThat(table.lines().filter(l -> l.startsWith("Events failed")).findFirst().orElseThrow())
                .matches("Events failed\\s+269\\s+0");
        assertThat(table.lines().filter(l -> l.startsWith("Provisioned concurrency cost")).findFirst().orElseThrow())
                .matches("Provisioned concurrency cost\\s+\\$0\\.000000\\s+\\$0\\.003125");
    }

    @Test
    void measured_and_simulated_sit_side_by_side_under_their_own_headers() {
        RunMetrics simulated = new RunMetrics("run-1-twin", "03-sqs-rc1-low-visibility", "simulate", 1_000, 742, 258,
                998.25, 1, 0.743, 2, 0, 3, 3_999, 1_250, 9, 0.004359, 0, 0.742, 0.743, 2);

        String table = MetricsTable.format(MetricsJsonTest.SAMPLE, simulated);
        List<String> lines = table.lines().toList();

        assertThat(lines).hasSize(2 + Metric.values().length);
        assertThat(Arrays.asList(lines.get(0).trim().split("\\s+"))).containsExactly("Metric", "Measured", "Simulated");
        assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
        // Labels padded to the longest label, each column right-aligned to its widest value.
        assertThat(line(table, "Events failed")).isEqualTo(String.format("%-28s  %10s  %9s", "Events failed", "269", "258"));
        assertThat(line(table, "Events completed")).matches("Events completed\\s+731\\s+742");
        assertThat(line(table, "Events failed")).matches("Events failed\\s+269\\s+258");
        assertThat(line(table, "Time taken")).matches("Time taken\\s+1000\\.000 s\\s+998\\.250 s");
        assertThat(line(table, "Max DB inserts per second")).matches("Max DB inserts per second\\s+1\\s+2");
        assertThat(line(table, "Seconds over the limit")).matches("Seconds over the limit\\s+0\\s+3");
        assertThat(line(table, "Throttles")).matches("Throttles\\s+4120\\s+3999");
        assertThat(line(table, "Latency p99")).matches("Latency p99\\s+950\\.500 s\\s+0\\.000 s");
        assertThat(line(table, "Cost")).matches("Cost\\s+\\$0\\.000000\\s+\\$0\\.004359");
        assertThat(line(table, "Delivered share")).matches("Delivered share\\s+0\\.731\\s+0\\.742");
        assertThat(line(table, "Limit utilisation (mean)")).matches("Limit utilisation \\(mean\\)\\s+0\\.731\\s+0\\.743");
        assertThat(line(table, "Limit utilisation (peak)")).matches("Limit utilisation \\(peak\\)\\s+1\\.000\\s+2\\.000");
    }

    private static String line(String table, String label) {
        return table.lines().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow();
    }
}
