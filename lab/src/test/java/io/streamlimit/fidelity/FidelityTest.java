package io.streamlimit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.aws.AwsBehaviour;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The measurement end to end: every case simulated, compared, printed as a table and as JSON. */
class FidelityTest {

    private static FidelityReport report;

    @BeforeAll
    static void measure() {
        report = Fidelity.standard().measure(1);
    }

    @Test
    void every_case_is_measured_with_every_figure() {
        assertThat(report.seed()).isEqualTo(1);
        assertThat(report.cases()).extracting(CaseReport::name)
                .containsExactly("consumer-1", "consumer-2", "consumer-3", "run-02", "run-03", "run-05", "async-lone");
        assertThat(report.cases()).extracting(CaseReport::scenario)
                .containsExactly("trace-consumer-1", "trace-consumer-2", "trace-consumer-3", "sns-rc1",
                        "sqs-rc1-low-visibility", "sqs-rc5-high-visibility", "async-rc1-two-long");
        assertThat(report.judged()).isEqualTo(24);
        for (CaseReport c : report.cases()) {
            assertThat(c.figures()).as(c.name()).allSatisfy(f -> assertThat(f.simulated()).isNotNull());
        }
    }

    /**
     * How many figures land inside their bands at every seed 1 to 5, pinned: a change to the model
     * that lowers it must change this test, on purpose. The three outside at every seed are the
     * unthrottled trace consumers' spans and consumer-3's environments (docs/FIDELITY.md says why).
     */
    @Test
    void twenty_one_of_twenty_four_figures_are_inside_their_bands_at_every_seed_1_to_5() {
        FidelitySpread spread = Fidelity.standard().measure(1, 5);

        assertThat(spread.judged()).isEqualTo(24);
        assertThat(spread.alwaysInside()).as(FidelitySpreadTable.format(spread)).isEqualTo(21);
        assertThat(spread.neverInside()).isEqualTo(3);
        assertThat(spread.figures()).filteredOn(f -> f.judged() && f.passes() == 0)
                .extracting(f -> f.caseName() + " " + f.figure().jsonKey())
                .containsExactlyInAnyOrder("consumer-1 firstToLastStartSeconds", "consumer-3 firstToLastStartSeconds",
                        "consumer-3 environments");
        assertThat(report.passed()).isEqualTo(21);
    }

    @Test
    void the_same_seed_gives_the_same_report() {
        assertThat(Fidelity.standard().measure(1)).isEqualTo(report);
    }

    @Test
    void the_behaviour_is_chosen_per_case() {
        List<FidelityCase> only = List.of(FidelityCases.standard().get(1));
        List<String> asked = new ArrayList<>();

        new Fidelity(only, c -> {
            asked.add(c.name() + "/" + c.awsProfile());
            return AwsBehaviour.current();
        }).measure(1);

        assertThat(asked).containsExactly("consumer-2/2020");
    }

    @Test
    void the_table_has_a_line_per_figure_and_the_summary() {
        String table = FidelityTable.format(report);

        assertThat(table.lines().findFirst().orElseThrow())
                .matches("Case +Figure +Real +Simulated +Error % +Band +OK");
        for (CaseReport c : report.cases()) {
            assertThat(table.lines().filter(line -> line.startsWith(c.name() + " ")).count())
                    .as(c.name()).isEqualTo(c.figures().size());
        }
        assertThat(table).contains("consumer-2  first -> last start (s)");
        assertThat(table).contains("1518.5", "±10% [1366.6, 1670.3]", "exactly 0", "[1550.0, 2100.0]", "[75, 140]");
        assertThat(table.strip().lines().reduce((a, b) -> b))
                .hasValue(report.summary() + " (seed 1)");
    }

    @Test
    void the_json_is_one_object_on_one_line() throws Exception {
        String json = FidelityJson.write(report);
        JsonNode root = new ObjectMapper().readTree(json);

        assertThat(json.lines()).hasSize(1);
        assertThat(root.get("seed").asLong()).isEqualTo(1);
        assertThat(root.get("judged").asLong()).isEqualTo(24);
        assertThat(root.get("passed").asLong()).isEqualTo(report.passed());
        assertThat(root.get("cases")).hasSize(7);
        JsonNode first = root.get("cases").get(1).get("figures").get(0);
        assertThat(first.get("figure").asText()).isEqualTo("firstToLastStartSeconds");
        assertThat(first.get("real").decimalValue()).isEqualByComparingTo("1518.5");
        assertThat(first.get("bandLow").decimalValue()).isEqualByComparingTo("1366.6");
        assertThat(first.get("verdict").asText()).isIn("pass", "fail");
        JsonNode shown = root.get("cases").get(1).get("figures").get(5);
        assertThat(shown.get("figure").asText()).isEqualTo("completed");
        assertThat(shown.get("verdict").asText()).isEqualTo("shown");
        assertThat(shown.get("band").isNull()).isTrue();
    }
}
