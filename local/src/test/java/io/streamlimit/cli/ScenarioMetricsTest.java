package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivered share and the limit utilisations of small deterministic simulations, exactly: a run
 * that lost events and one that broke its limit cannot look good on either.
 */
class ScenarioMetricsTest {

    @TempDir
    Path dir;

    private JsonNode simulate(String scenario) throws Exception {
        CliRun result = execute("simulate", "../scenarios/" + scenario + ".yaml", "--events", "200", "--json", "--no-save",
                "--report-dir", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void a_run_that_lost_events_shows_it_in_the_delivered_share() throws Exception {
        JsonNode json = simulate("03-sqs-rc1-low-visibility");

        assertThat(json.get("eventsCompleted").asLong()).isEqualTo(182);
        assertThat(json.get("deliveredShare").decimalValue()).isEqualByComparingTo("0.910");
        assertThat(json.get("meanLimitUtilisation").decimalValue()).isEqualByComparingTo("0.683");
        assertThat(json.get("peakLimitUtilisation").decimalValue()).isEqualByComparingTo("1.000");
    }

    @Test
    void a_run_that_broke_its_limit_shows_it_in_the_peak_utilisation() throws Exception {
        JsonNode json = simulate("01-no-limits");

        assertThat(json.get("deliveredShare").decimalValue()).isEqualByComparingTo("1.000");
        assertThat(json.get("maxInsertsPerSecond").asLong()).isEqualTo(25);
        assertThat(json.get("meanLimitUtilisation").decimalValue()).isEqualByComparingTo("18.182");
        assertThat(json.get("peakLimitUtilisation").decimalValue()).isEqualByComparingTo("25.000");
    }

    @Test
    void the_recommended_configuration_delivers_everything_at_the_limit_and_never_above() throws Exception {
        JsonNode json = simulate("recommended");

        assertThat(json.get("deliveredShare").decimalValue()).isEqualByComparingTo("1.000");
        // 200 events at 50 a second: 4 seconds with inserts, each at the limit (the window once ran on to
        // the last completion, an empty fifth second, and read 0.800).
        assertThat(json.get("meanLimitUtilisation").decimalValue()).isEqualByComparingTo("1.000");
        assertThat(json.get("minInsertsPerSecond").asLong()).isEqualTo(50);
        assertThat(json.get("peakLimitUtilisation").decimalValue()).isEqualByComparingTo("1.000");
    }

    @Test
    void the_recommended_configuration_s_json_has_the_latency_quantiles_and_a_backlog_series() throws Exception {
        CliRun result = execute("simulate", "../scenarios/recommended.yaml", "--json", "--no-save",
                "--report-dir", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());

        // 1,000 events at once, 50 applied a second: the median waits about 10 s, the last about 20 s.
        assertThat(json.get("latencyP50Seconds").decimalValue()).isEqualByComparingTo("10.270");
        assertThat(json.get("latencyP95Seconds").decimalValue()).isEqualByComparingTo("19.454");
        assertThat(json.get("latencyP99Seconds").decimalValue()).isEqualByComparingTo("20.464");
        assertThat(json.get("latencyMaxSeconds").decimalValue()).isEqualByComparingTo("20.470");
        assertThat(json.get("maxBacklog").asLong()).isEqualTo(1_000);
        JsonNode backlog = json.get("backlogPerSecond");
        assertThat(backlog.size()).isEqualTo(21);
        assertThat(backlog.get(0).asLong()).isEqualTo(1_000);
        assertThat(backlog.get(20).asLong()).isEqualTo(50);
    }
}
