package io.streamlimit.metrics;

import static io.streamlimit.metrics.RunDataBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.results.RunData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsJsonTest {

    static final RunMetrics SAMPLE = new RunMetrics("run-1", "03-sqs-rc1-low-visibility", "simulate",
            1_000, 731, 269, 1_000, 1, 0.731, 1, 0, 0, 4_120, 1_300, 12, 0, 0, 0.731, 0.731, 1,
            new Latency(400_000, 900_000, 950_500, 999_001), new Backlog(731, new long[] {731, 730, 2}));

    @Test
    void json_has_the_run_identity_then_designs_keys_in_designs_order() throws Exception {
        List<String> keys = new ArrayList<>();
        new ObjectMapper().readTree(MetricsJson.write(SAMPLE)).fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactly("runId", "scenario", "mode", "totalEvents", "eventsCompleted",
                "eventsFailed", "timeTakenSeconds", "latencyP50Seconds", "latencyP95Seconds", "latencyP99Seconds",
                "latencyMaxSeconds", "maxBacklog", "maxConcurrency", "avgInsertsPerSecond",
                "maxInsertsPerSecond", "minInsertsPerSecond", "secondsOverLimit", "throttles",
                "redeliveries", "wastedInvocations", "costUsd", "provisionedConcurrencyCostUsd",
                "standingUsdPerDay", "standingUsdPerMonth", "deliveredShare", "meanLimitUtilisation",
                "peakLimitUtilisation", "maxIteratorAgeSeconds", "onFailureRecords", "shardRetries", "backlogPerSecond");
    }

    @Test
    void decimals_are_written_with_fixed_places_on_one_line() {
        assertThat(MetricsJson.write(SAMPLE)).isEqualTo("{\"runId\":\"run-1\",\"scenario\":\"03-sqs-rc1-low-visibility\","
                + "\"mode\":\"simulate\",\"totalEvents\":1000,\"eventsCompleted\":731,\"eventsFailed\":269,"
                + "\"timeTakenSeconds\":1000.000,\"latencyP50Seconds\":400.000,\"latencyP95Seconds\":900.000,"
                + "\"latencyP99Seconds\":950.500,\"latencyMaxSeconds\":999.001,\"maxBacklog\":731,\"maxConcurrency\":1,\"avgInsertsPerSecond\":0.731,"
                + "\"maxInsertsPerSecond\":1,\"minInsertsPerSecond\":0,\"secondsOverLimit\":0,\"throttles\":4120,"
                + "\"redeliveries\":1300,\"wastedInvocations\":12,\"costUsd\":0.000000,\"provisionedConcurrencyCostUsd\":0.000000,"
                + "\"standingUsdPerDay\":0.000000,\"standingUsdPerMonth\":0.000000,"
                + "\"deliveredShare\":0.731,\"meanLimitUtilisation\":0.731,\"peakLimitUtilisation\":1.000,"
                + "\"maxIteratorAgeSeconds\":0.000,\"onFailureRecords\":0,\"shardRetries\":0,"
                + "\"backlogPerSecond\":[731,730,2]}");
    }

    @Test
    void the_same_rows_give_byte_identical_json() {
        RunDataBuilder builder = run("r").limit(1).count(CostModel.SQS_REQUESTS, 12_345);
        for (int i = 0; i < 100; i++) {
            builder.invoke("b" + i, i * 1_013L, 1_007).row(i, 0, i * 1_013L + 3, i * 1_013L + 1_001, "b" + i);
        }
        RunData data = builder.build();

        assertThat(MetricsJson.write(new MetricsCalculator().compute(data)))
                .isEqualTo(MetricsJson.write(new MetricsCalculator().compute(data)));
    }

    @Test
    void json_reads_back_to_equal_metrics() {
        RunMetrics metrics = new RunMetrics("r", "s", "local", 10, 9, 1, 12.345, 3, 0.75, 2, 0, 1, 0, 0, 0,
                0.004359, 0.003125, 0.9, 0.75, 2);

        assertThat(MetricsJson.read(MetricsJson.write(metrics))).isEqualTo(metrics);
    }

    @Test
    void standing_charges_read_back_and_a_summary_stored_before_them_reads_back_with_none() {
        RunMetrics metrics = new RunMetrics("r", "s", "local", 10, 9, 1, 12.345, 3, 0.75, 2, 0, 1, 0, 0, 0,
                0.004359, 0.003125, 0.144003, 4.380091, 0.9, 0.75, 2, Latency.NONE, Backlog.NONE);
        assertThat(MetricsJson.write(metrics)).contains("\"standingUsdPerDay\":0.144003,\"standingUsdPerMonth\":4.380091,");
        assertThat(MetricsJson.read(MetricsJson.write(metrics))).isEqualTo(metrics);

        String stored = MetricsJson.write(SAMPLE).replace("\"standingUsdPerDay\":0.000000,\"standingUsdPerMonth\":0.000000,", "");
        assertThat(stored).doesNotContain("standing");
        assertThat(MetricsJson.read(stored)).isEqualTo(SAMPLE);
    }

    @Test
    void a_summary_stored_before_provisioned_concurrency_was_modelled_reads_back_with_none() {
        String stored = MetricsJson.write(SAMPLE).replace("\"provisionedConcurrencyCostUsd\":0.000000,", "");
        assertThat(stored).doesNotContain("provisionedConcurrency");

        assertThat(MetricsJson.read(stored)).isEqualTo(SAMPLE);
    }

    @Test
    void a_summary_stored_before_latency_was_measured_reads_back_with_none() {
        String stored = MetricsJson.write(SAMPLE).replaceAll("\"latency[A-Za-z0-9]+\":[0-9.]+,", "")
                .replace("\"maxBacklog\":731,", "").replace(",\"backlogPerSecond\":[731,730,2]", "");
        assertThat(stored).doesNotContain("atency", "acklog");

        RunMetrics read = MetricsJson.read(stored);

        assertThat(read.latency()).isEqualTo(Latency.NONE);
        assertThat(read.backlog()).isEqualTo(Backlog.NONE);
    }

    @Test
    void reading_json_without_a_metric_names_the_missing_key() {
        assertThatThrownBy(() -> MetricsJson.read("{\"runId\":\"r\",\"totalEvents\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventsCompleted");
    }

    @Test
    void a_twin_is_one_more_key_holding_an_object_with_exactly_the_top_level_keys() throws Exception {
        RunMetrics measured = new RunMetrics("local-1", "recommended", "local", 30, 30, 0, 1.234, 3, 15.0, 20, 10, 0,
                0, 0, 0, 0.003131, 0.003125, 1, 0.3, 0.4);
        RunMetrics simulated = new RunMetrics("local-1-twin", "recommended", "simulate", 30, 30, 0, 1.1, 3, 15.0, 30, 0,
                0, 0, 0, 0, 0.003130, 0.003125, 1, 0.3, 0.6);

        String written = MetricsJson.write(measured, simulated);
        JsonNode json = new ObjectMapper().readTree(written);

        List<String> topKeys = new ArrayList<>();
        json.fieldNames().forEachRemaining(topKeys::add);
        List<String> twinKeys = new ArrayList<>();
        json.get("simulated").fieldNames().forEachRemaining(twinKeys::add);
        assertThat(topKeys).last().isEqualTo("simulated");
        assertThat(twinKeys).isEqualTo(topKeys.subList(0, topKeys.size() - 1));
        assertThat(written.lines()).hasSize(1);
        // The measured half is the one-run JSON unchanged, and the twin's object is the twin's one-run JSON.
        assertThat(written).isEqualTo(MetricsJson.write(measured).replaceFirst("}$", "")
                + ",\"simulated\":" + MetricsJson.write(simulated) + "}");
        assertThat(json.get("simulated").get("runId").asText()).isEqualTo("local-1-twin");
        assertThat(json.get("simulated").get("maxInsertsPerSecond").asLong()).isEqualTo(30);
        assertThat(MetricsJson.read(written)).isEqualTo(measured);
    }
}
