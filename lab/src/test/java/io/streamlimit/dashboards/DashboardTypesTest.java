package io.streamlimit.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every dashboard JSON against Grafana's {@code Dashboard} type (@grafana/schema), by the TypeScript compiler. */
class DashboardTypesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_dashboard_matches_grafanas_dashboard_type(@TempDir Path work) throws Exception {
        Map<String, String> dashboards = new LinkedHashMap<>();
        for (Dashboard board : Dashboard.all()) {
            dashboards.put(board.uid(), Files.readString(board.file()));
        }
        assertThat(dashboards).containsKeys("streamlimit-run", "streamlimit-compare");

        GrafanaTypeCheck.Result result = GrafanaTypeCheck.check(dashboards, work);

        assertThat(result.output()).as("tsc's diagnostics").isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void a_panel_whose_width_is_a_string_fails_the_check(@TempDir Path work) throws Exception {
        ObjectNode board = Dashboard.byUid("streamlimit-run").json().deepCopy();
        ((ObjectNode) board.withArray("panels").get(0).get("gridPos")).put("w", "12");

        GrafanaTypeCheck.Result result = GrafanaTypeCheck.check(Map.of("width-as-string", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(board)), work);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).startsWith("width-as-string.ts(")
                .contains("error TS2322: Type 'string' is not assignable to type 'number'.")
                .hasLineCount(1);
    }

    @Test
    void a_misspelt_panel_option_and_a_value_outside_an_enum_fail_the_check(@TempDir Path work) throws Exception {
        ObjectNode board = Dashboard.byUid("streamlimit-run").json().deepCopy();
        ObjectNode stat = (ObjectNode) board.withArray("panels").get(0);
        assertThat(stat.get("type").asText()).isEqualTo("stat");
        ((ObjectNode) stat.get("options")).put("colorMode", "rainbow");
        for (JsonNode panel : board.withArray("panels")) {
            if ("table".equals(panel.get("type").asText())) {
                ((ObjectNode) panel.get("options")).put("shoHeader", true);
            }
        }

        GrafanaTypeCheck.Result result = GrafanaTypeCheck.check(Map.of("bad-options", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(board)), work);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("Type '\"rainbow\"' is not assignable to type '\"background\" | \"background_solid\" | \"none\" | \"value\" | undefined'")
                .contains("'\"shoHeader\"' does not exist in type");
    }
}
