package io.streamlimit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-second patterns: a day with spikes and a replayed CSV, in scenario files and back. */
class TrafficPatternTest {

    private static final String HEAD = "name: day\npipeline: sns-sqs-lambda\ndownstream: { ratePerSecond: 1, callMillis: 1000 }\n";

    @Test
    void the_issue_s_day_has_its_base_rate_its_hourly_spikes_and_about_53000_events() {
        DayTraffic day = DayTraffic.of(0.2, 50, 30, 3600, 86_400);
        SecondCounts counts = day.counts();

        assertThat(counts.seconds()).isEqualTo(86_400);
        // 24 spikes of 30 s at 50/s, and one event every 5 s (the 5th, 10th... second) outside them.
        assertThat(counts.total()).isEqualTo(24 * 30 * 50 + 86_400 / 5 - 24 * 6).isEqualTo(53_136);
        assertThat(counts.at(0)).isEqualTo(50);
        assertThat(counts.at(29)).isEqualTo(50);
        assertThat(counts.at(30)).isZero();
        assertThat(counts.at(34)).isEqualTo(1);
        assertThat(counts.at(3600)).isEqualTo(50);
        // Within a second the events are spread evenly: the 50 of second 0 20 ms apart.
        assertThat(counts.releaseMillis(0)).isZero();
        assertThat(counts.releaseMillis(1)).isEqualTo(20);
        assertThat(counts.releaseMillis(50)).isEqualTo(1_000);
        assertThat(counts.releaseMillis(1_500)).isEqualTo(34_000);
    }

    @Test
    void a_day_scenario_file_reads_and_writes_back_the_same(@TempDir Path dir) throws Exception {
        Scenario scenario = ScenarioLoader.parse(HEAD + "events: { pattern: day, baseRatePerSecond: 0.2, "
                + "spikeRatePerSecond: 50, spikeSeconds: 30, spikeEverySeconds: 3600, durationSeconds: 7200 }\n", "day.yaml");

        assertThat(scenario.events().pattern()).isEqualTo(ArrivalPattern.DAY);
        // One base event every 5 s, but none of the 6 base seconds inside each spike.
        assertThat(scenario.events().total()).isEqualTo(2 * 1500 + 7200 / 5 - 2 * 6);
        Path file = dir.resolve("again.yaml");
        Files.writeString(file, ScenarioWriter.toYaml(scenario));
        assertThat(ScenarioLoader.load(file).events()).isEqualTo(scenario.events());
    }

    @Test
    void a_replay_reads_counts_with_or_without_seconds_and_a_header(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("counts.csv"), "second,count\n0,3\n1,0\n# a pause\n2,2\n");
        Files.writeString(dir.resolve("s.yaml"), HEAD + "events: { pattern: replay, countsFile: counts.csv }\n");

        Scenario scenario = ScenarioLoader.load(dir.resolve("s.yaml"));

        SecondCounts counts = scenario.events().traffic().counts();
        assertThat(counts.seconds()).isEqualTo(3);
        assertThat(counts.total()).isEqualTo(5);
        assertThat(scenario.events().total()).isEqualTo(5);
        assertThat(counts.releaseMillis(3)).isEqualTo(2_000);
        assertThat(counts.releaseMillis(4)).isEqualTo(2_500);
    }

    @Test
    void mistakes_name_the_key_the_line_and_what_was_expected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "3\n4\nmany\n");
        Files.writeString(dir.resolve("gap.csv"), "0,3\n2,4\n");
        Files.writeString(dir.resolve("s.yaml"), HEAD + "events: { pattern: replay, countsFile: bad.csv }\n");
        Files.writeString(dir.resolve("g.yaml"), HEAD + "events: { pattern: replay, countsFile: gap.csv }\n");

        assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("s.yaml")))
                .hasMessageEndingWith("events.countsFile: bad.csv line 3 (count): must be a whole number 0 to 100000, got 'many'");
        assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("g.yaml")))
                .hasMessageEndingWith("events.countsFile: gap.csv line 2: second 2 should be 1 (one line per second, in order)");
        assertThatThrownBy(() -> ScenarioLoader.parse(HEAD + "events: { pattern: day, baseRatePerSecond: 0.2, "
                + "spikeRatePerSecond: 50, spikeSeconds: 30 }\n", "d.yaml"))
                .hasMessage("d.yaml: events.spikeEverySeconds: is required");
        assertThatThrownBy(() -> ScenarioLoader.parse(HEAD + "events: { pattern: day, baseRatePerSecond: 0.2, "
                + "spikeRatePerSecond: 50, spikeSeconds: 90, spikeEverySeconds: 60 }\n", "d.yaml"))
                .hasMessage("d.yaml: events.spikeSeconds: must be 0 to 60, got 90");
        assertThatThrownBy(() -> ScenarioLoader.parse(HEAD + "events: { pattern: day, baseRatePerSecond: fast, "
                + "spikeRatePerSecond: 50, spikeSeconds: 30, spikeEverySeconds: 60 }\n", "d.yaml"))
                .hasMessage("d.yaml: events.baseRatePerSecond: must be a number, got fast");
        assertThatThrownBy(() -> ScenarioLoader.parse(HEAD + "events: { total: 10, pattern: burst, spikeSeconds: 30 }\n",
                "b.yaml"))
                .hasMessage("b.yaml: events.spikeSeconds: not allowed unless pattern is day, got 30");
        assertThatThrownBy(() -> ScenarioLoader.parse(HEAD + "events: { total: 999999, pattern: day, baseRatePerSecond: 1, "
                + "spikeRatePerSecond: 1, spikeSeconds: 1, spikeEverySeconds: 60, durationSeconds: 60 }\n", "t.yaml"))
                .hasMessage("t.yaml: events.total: must be at most the 60 events of the day pattern, got 999999");
    }
}
