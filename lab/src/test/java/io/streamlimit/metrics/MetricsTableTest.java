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
                "Max concurrency", "Avg DB inserts per second", "Max DB inserts per second",
                "Min DB inserts per second", "Seconds over the limit", "Throttles", "Redeliveries",
                "Wasted invocations", "Cost", "Provisioned concurrency cost", "Efficiency");
        assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
        assertThat(table).contains("1000.000 s", "$0.000000");
    }

    @Test
    void comparison_table_has_one_column_per_run() {
        RunMetrics other = new RunMetrics("run-2", "04", "simulate", 1_000, 1_000, 0, 1000.5, 1, 1, 1, 0, 0,
                0, 0, 0, 0.0099, 0.003125, 0.999);

        String table = MetricsTable.format(List.of(MetricsJsonTest.SAMPLE, other));

        String header = table.lines().findFirst().orElseThrow();
        assertThat(Arrays.asList(header.trim().split("\\s+"))).containsExactly("Metric", "run-1", "run-2");
        assertThat(table.lines().filter(l -> l.startsWith("Events failed")).findFirst().orElseThrow())
                .matches("Events failed\\s+269\\s+0");
        assertThat(table.lines().filter(l -> l.startsWith("Provisioned concurrency cost")).findFirst().orElseThrow())
                .matches("Provisioned concurrency cost\\s+\\$0\\.000000\\s+\\$0\\.003125");
    }
}
