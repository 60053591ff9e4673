package io.streamlimit.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.dashboards.GrafanaMacros.Variable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expander against the expansions Grafana documents and tests (grafana/grafana:
 * {@code pkg/tsdb/grafana-postgresql-datasource/macros.go} and its {@code macros_test.go},
 * {@code sqleng/sql_engine.go}, {@code packages/grafana-sql/src/datasource/SqlDatasource.ts},
 * {@code public/app/features/templating/formatRegistry.ts}).
 */
class GrafanaMacrosTest {

    private static final Instant FROM = Instant.parse("2018-04-12T18:00:00Z");
    private static final Instant TO = FROM.plusSeconds(300);

    private static GrafanaMacros macros(Variable... variables) {
        Map<String, Variable> byName = new java.util.LinkedHashMap<>();
        for (Variable variable : variables) {
            byName.put(variable.name(), variable);
        }
        return new GrafanaMacros(FROM, TO, Duration.ofSeconds(1), byName);
    }

    @Test
    void time_filter_is_between_the_range_in_rfc3339_utc() {
        assertThat(macros().sql("WHERE $__timeFilter(time_column)"))
                .isEqualTo("WHERE time_column BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z'");
    }

    @Test
    void time_from_and_to_are_quoted_with_nanoseconds_and_no_trailing_zeros() {
        GrafanaMacros macros = new GrafanaMacros(Instant.parse("2026-01-01T00:00:00.500Z"),
                Instant.parse("2026-01-01T00:01:00.000123Z"), Duration.ofSeconds(1), Map.of());
        assertThat(macros.sql("select $__timeFrom(), $__timeTo()"))
                .isEqualTo("select '2026-01-01T00:00:00.5Z', '2026-01-01T00:01:00.000123Z'");
    }

    @Test
    void time_group_floors_epoch_seconds_to_the_interval() {
        assertThat(macros().sql("GROUP BY $__timeGroup(time_column,'5m')"))
                .isEqualTo("GROUP BY floor(extract(epoch from time_column)/300)*300");
        assertThat(macros().sql("select $__timeGroupAlias(run_time, 1s), n"))
                .isEqualTo("select floor(extract(epoch from run_time)/1)*1 AS \"time\", n");
    }

    @Test
    void time_group_followed_by_a_comma_gets_the_time_alias_as_before_grafana_5_3() {
        assertThat(macros().sql("select $__timeGroup(time_column,'5m'), value"))
                .isEqualTo("select floor(extract(epoch from time_column)/300)*300 AS \"time\", value");
    }

    @Test
    void unix_epoch_macros_use_whole_seconds_and_nanoseconds() {
        assertThat(macros().sql("WHERE $__unixEpochFilter(t) AND $__unixEpochFrom() < $__unixEpochTo()"))
                .isEqualTo("WHERE t >= 1523556000 AND t <= 1523556300 AND 1523556000 < 1523556300");
        assertThat(macros().sql("$__unixEpochNanoFrom()")).isEqualTo("1523556000000000000");
    }

    @Test
    void interval_variables_are_grafana_s_interval_text_and_milliseconds() {
        assertThat(macros().sql("$__interval $__interval_ms")).isEqualTo("1s 1000");
        assertThat(GrafanaMacros.formatInterval(Duration.ofSeconds(150))).isEqualTo("2m");
        assertThat(GrafanaMacros.formatInterval(Duration.ofMillis(20))).isEqualTo("20ms");
    }

    @Test
    void a_single_value_variable_goes_in_bare_with_quotes_doubled() {
        assertThat(macros(Variable.single("run", "o'brien")).sql("where run_id = '$run' or run_id = '${run}'"))
                .isEqualTo("where run_id = 'o''brien' or run_id = 'o''brien'");
    }

    @Test
    void a_multi_value_variable_goes_in_as_quoted_literals() {
        GrafanaMacros macros = macros(Variable.multi("runs", List.of("a", "b'c")));
        assertThat(macros.sql("in ($runs)")).isEqualTo("in ('a','b''c')");
        assertThat(macros.sql("in (${runs:sqlstring})")).isEqualTo("in ('a','b''c')");
        assertThat(macros.sql("in ([[runs]])")).isEqualTo("in ('a','b''c')");
    }

    @Test
    void sqlstring_quotes_a_single_value_too() {
        assertThat(macros(Variable.single("run", "x")).sql("${run:sqlstring}")).isEqualTo("'x'");
    }

    @Test
    void variable_names_run_to_the_end_of_the_word() {
        GrafanaMacros macros = macros(Variable.single("run", "r1"), Variable.single("run_zoom_ms", "5000"));
        assertThat(macros.sql("$run_zoom_ms $run $runs")).isEqualTo("5000 r1 $runs");
    }

    @Test
    void link_urls_take_formats_and_the_link_s_own_values() {
        GrafanaMacros macros = macros(Variable.single("run", "sim a"), Variable.multi("runs", List.of("a", "b")));
        assertThat(macros.url("?var-run=${run:percentencode}&${runs:queryparam}", Map.of()))
                .isEqualTo("?var-run=sim%20a&var-runs=a&var-runs=b");
        assertThat(macros.url("?r=${__value.raw}&to=${__data.fields.zoom_to_ms}",
                Map.of("__value.raw", "local-1", "__data.fields.zoom_to_ms", "9000")))
                .isEqualTo("?r=local-1&to=9000");
    }

    @Test
    void unknown_macros_and_fill_values_are_refused() {
        assertThatThrownBy(() -> macros().sql("select $__nope(x)")).hasMessageContaining("unknown macro");
        assertThatThrownBy(() -> macros().sql("select $__timeGroupAlias(t, 1s, 0)")).hasMessageContaining("fill");
    }
}
