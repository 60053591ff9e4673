package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code streamlimit fidelity} as a user meets it, with the real simulator. */
class FidelityCommandTest {

    private static final String[] CASES = {"consumer-1", "consumer-2", "consumer-3", "run-02", "run-03", "run-05", "async-lone"};

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
        assertThat(result.out()).containsPattern("\\d+ of 24 figures within their bands \\(seed 1\\)");
    }

    @Test
    void json_prints_one_object_and_takes_the_seed() throws Exception {
        CliRun result = execute("fidelity", "--json", "--seed", "7");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("judged").asLong()).isEqualTo(24);
        assertThat(json.get("cases").findValuesAsText("case")).containsExactly(CASES);
    }

    @Test
    void seeds_print_each_figure_over_the_seeds_and_a_summary_that_agrees_with_the_lines() {
        CliRun result = execute("fidelity", "--seeds", "3");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("Case +Figure +Real +Band +Min +Median +Max +Inside band");
        Matcher summary = Pattern.compile(
                "(\\d+) of 24 figures within their bands at every seed \\(seeds 1 to 3\\); (\\d+) at some seeds only; (\\d+) at none")
                .matcher(lines.get(lines.size() - 1));
        assertThat(summary.matches()).as(lines.get(lines.size() - 1)).isTrue();
        assertThat(lines.stream().filter(line -> line.endsWith(" 3 of 3")).count())
                .isEqualTo(Long.parseLong(summary.group(1)));
        assertThat(lines.stream().filter(line -> line.endsWith(" 0 of 3")).count())
                .isEqualTo(Long.parseLong(summary.group(3)));
    }

    @Test
    void seeds_as_json_carry_one_simulated_value_per_seed() throws Exception {
        CliRun result = execute("fidelity", "--json", "--seed", "4", "--seeds", "2");

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("firstSeed").asLong()).isEqualTo(4);
        assertThat(json.get("lastSeed").asLong()).isEqualTo(5);
        assertThat(json.get("judged").asLong()).isEqualTo(24);
        assertThat(json.get("figures")).allSatisfy(figure -> assertThat(figure.get("simulated")).hasSize(2));
    }

    @Test
    void seeds_out_of_range_are_one_line_exit_2() {
        CliRun result = execute("fidelity", "--seeds", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo("error: --seeds: must be 1 to 100, got 0");
    }

    @Test
    void has_help() {
        CliRun help = execute("fidelity", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: streamlimit fidelity", "--json", "--seed", "--seeds");
    }
}
