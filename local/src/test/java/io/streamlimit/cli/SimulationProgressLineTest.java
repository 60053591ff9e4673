package io.streamlimit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.sim.SimulationProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SimulationProgressLineTest {

    /** A simulation of 200,000 events reporting 1,000 times, as a long throttled run does once per virtual minute. */
    private static String drive(boolean terminal) {
        StringWriter text = new StringWriter();
        SimulationProgressLine line = new SimulationProgressLine(new PrintWriter(text), terminal);
        for (int i = 1; i <= 1_000; i++) {
            long resolved = 200L * i;
            line.progress(new SimulationProgress(i * 60_000L, 200_000, resolved, 0, resolved, 200_000, i == 1_000));
        }
        return text.toString();
    }

    @Test
    void without_a_terminal_it_prints_a_line_per_tenth_and_one_at_the_end() {
        String printed = drive(false);

        assertThat(printed.lines()).containsExactly(
                "simulated 20,000 of 200,000 events (6,000 s of virtual time)",
                "simulated 40,000 of 200,000 events (12,000 s of virtual time)",
                "simulated 60,000 of 200,000 events (18,000 s of virtual time)",
                "simulated 80,000 of 200,000 events (24,000 s of virtual time)",
                "simulated 100,000 of 200,000 events (30,000 s of virtual time)",
                "simulated 120,000 of 200,000 events (36,000 s of virtual time)",
                "simulated 140,000 of 200,000 events (42,000 s of virtual time)",
                "simulated 160,000 of 200,000 events (48,000 s of virtual time)",
                "simulated 180,000 of 200,000 events (54,000 s of virtual time)",
                "simulated 200,000 of 200,000 events (60,000 s of virtual time), done");
    }

    @Test
    void on_a_terminal_it_redraws_one_line_and_ends_it_once() {
        String printed = drive(true);

        assertThat(printed.split(System.lineSeparator(), -1)).hasSize(2); // one line break, at the end
        assertThat(printed).startsWith("\rsimulated 200 of 200,000 events (60 s of virtual time)")
                .endsWith("\rsimulated 200,000 of 200,000 events (60,000 s of virtual time), done" + System.lineSeparator());
        assertThat(printed.chars().filter(c -> c == '\r').count()).isEqualTo(1_000);
    }

    @Test
    void a_short_simulation_prints_only_its_last_line() {
        StringWriter text = new StringWriter();
        SimulationProgressLine line = new SimulationProgressLine(new PrintWriter(text), false);
        line.progress(new SimulationProgress(60_000, 1_000, 500, 0, 500, 1_000, false));
        line.progress(new SimulationProgress(90_000, 1_000, 998, 2, 1_000, 1_000, true));

        assertThat(text.toString()).isEqualTo("simulated 1,000 of 1,000 events (90 s of virtual time), done" + System.lineSeparator());
    }
}
