package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code streamlimit fidelity} as a user meets it, with the real simulator. */
class FidelityCommandTest {

    private static final String[] CASES = {"consumer-1", "consumer-2", "consumer-3", "run-02", "run-03"};

    @Test
    void prints_a_table_with_every_case_and_the_summary_and_exits_0() {
        CliRun result = execute("fidelity");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines().findFirst().orElseThrow())
                .matches("Case +Figure +Real +Simulated +Error % +Band +OK");
        for (String name : CASES) {
            assertThat(result.out()).contains("\n" + name + "  ");
        }
        assertThat(result.out()).containsPattern("\\d+ of 17 figures within their bands \\(seed 1\\)");
    }

    @Test
    void json_prints_one_object_and_takes_the_seed() throws Exception {
        CliRun result = execute("fidelity", "--json", "--seed", "7");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("judged").asLong()).isEqualTo(17);
        assertThat(json.get("cases").findValuesAsText("case")).containsExactly(CASES);
    }

    @Test
    void has_help() {
        CliRun help = execute("fidelity", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: streamlimit fidelity", "--json", "--seed");
    }
}
