package io.streamlimit.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard and provisioning files as Grafana would load them, without Grafana. */
class DashboardFilesTest {

    private static final String DATASOURCE_UID = "streamlimit-results";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A run id as the modes write them: {@code local-20261123-...}, {@code sim-...}, {@code aws-...}. */
    private static final Pattern RUN_ID = Pattern.compile("\\b(?:local|sim|aws|simulate)-[A-Za-z0-9]");
    private static final Pattern VARIABLE_USE = Pattern.compile("\\$(\\w+)|\\[\\[(\\w+)|\\$\\{(\\w+)");
    private static final Pattern DASHBOARD_LINK = Pattern.compile("/d/([A-Za-z0-9_-]+)");
    private static final Pattern MOUNT = Pattern.compile("-v \"\\$PWD/([^:\"]+):([^\"]+)\"");
    private static final Pattern ENV_SET = Pattern.compile("-e (STREAMLIMIT_\\w+)=");
    private static final Pattern ENV_USE = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern READS_RUN_ROWS = Pattern.compile("(?i)\\b(?:from|join)\\s+(?:invocations|pipeline_events)\\b");

    @Test
    void dashboards_have_a_schema_version_a_unique_uid_and_unique_panel_ids() {
        List<Dashboard> dashboards = Dashboard.all();
        assertThat(dashboards).extracting(d -> d.file().getFileName().toString())
                .contains("streamlimit-run.json", "streamlimit-compare.json");
        Set<String> uids = new HashSet<>();
        for (Dashboard board : dashboards) {
            assertThat(board.json().path("schemaVersion").isInt()).as("schemaVersion of %s", board.file()).isTrue();
            assertThat(board.json().path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
            assertThat(board.json().path("title").asText()).isNotBlank();
            assertThat(uids.add(board.uid())).as("unique uid %s", board.uid()).isTrue();
            assertThat(board.json().has("id")).as("%s carries no database id", board.uid()).isFalse();
            List<Integer> ids = board.panels().stream().map(p -> p.path("id").asInt(-1)).toList();
            assertThat(ids).as("panel ids of %s", board.uid()).doesNotContain(-1).doesNotHaveDuplicates();
            assertThat(board.panels()).allSatisfy(p -> assertThat(p.path("gridPos").path("w").asInt()).isPositive());
        }
    }

    @Test
    void every_panel_query_and_variable_uses_the_results_data_source_by_uid() {
        for (Dashboard board : Dashboard.all()) {
            for (JsonNode panel : board.panels()) {
                assertDataSource(panel.path("datasource"), board.key(panel));
                assertThat(panel.path("targets")).as("queries of %s", board.key(panel)).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertDataSource(target.path("datasource"), board.key(panel));
                    assertThat(target.path("rawSql").asText()).as("SQL of %s", board.key(panel)).isNotBlank();
                    assertThat(target.path("format").asText()).isIn("time_series", "table");
                }
            }
            for (JsonNode variable : board.variables()) {
                if (variable.path("type").asText().equals("query")) {
                    assertDataSource(variable.path("datasource"), board.uid() + " $" + variable.path("name").asText());
                }
            }
        }
    }

    private static void assertDataSource(JsonNode datasource, String where) {
        assertThat(datasource.path("uid").asText()).as("data source of %s", where).isEqualTo(DATASOURCE_UID);
        assertThat(datasource.path("type").asText()).as("data source type of %s", where).isEqualTo("grafana-postgresql-datasource");
    }

    @Test
    void no_query_link_or_saved_selection_names_a_run() {
        for (Dashboard board : Dashboard.all()) {
            for (String text : queriesAndLinks(board)) {
                assertThat(RUN_ID.matcher(text).find()).as("hard-coded run id in %s: %s", board.uid(), text).isFalse();
            }
            for (JsonNode variable : board.variables()) {
                assertThat(variable.path("current").size()).as("saved selection of $%s", variable.path("name").asText()).isZero();
                assertThat(variable.path("options").size()).isZero();
            }
        }
    }

    @Test
    void queries_on_a_run_s_rows_select_the_run_through_the_picker() {
        for (Dashboard board : Dashboard.all()) {
            for (JsonNode panel : board.panels()) {
                String sql = panel.path("targets").get(0).path("rawSql").asText();
                if (READS_RUN_ROWS.matcher(sql).find()) {
                    assertThat(sql).as("SQL of %s", board.key(panel)).containsAnyOf("'$run'", "${runs:sqlstring}");
                }
            }
        }
    }

    @Test
    void every_variable_a_query_or_link_uses_is_defined_on_its_dashboard() {
        for (Dashboard board : Dashboard.all()) {
            Set<String> defined = new HashSet<>();
            board.variables().forEach(v -> defined.add(v.path("name").asText()));
            for (String text : queriesAndLinks(board)) {
                Matcher m = VARIABLE_USE.matcher(text);
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (!name.startsWith("__")) { // macros and Grafana's built-ins ($__timeFilter, ${__value.raw})
                        assertThat(defined).as("variables of %s used in %s", board.uid(), text).contains(name);
                    }
                }
            }
        }
    }

    @Test
    void links_lead_to_dashboards_that_exist() {
        Set<String> uids = new HashSet<>();
        Dashboard.all().forEach(d -> uids.add(d.uid()));
        int links = 0;
        for (Dashboard board : Dashboard.all()) {
            for (String text : queriesAndLinks(board)) {
                Matcher m = DASHBOARD_LINK.matcher(text);
                while (m.find()) {
                    assertThat(uids).as("link in %s: %s", board.uid(), text).contains(m.group(1));
                    links++;
                }
            }
        }
        assertThat(links).isGreaterThanOrEqualTo(4);
    }

    @Test
    void time_series_run_on_the_run_clock_from_zero_in_utc() {
        for (Dashboard board : Dashboard.all()) {
            assertThat(board.json().path("timezone").asText()).isEqualTo("utc");
            assertThat(board.json().path("time").path("from").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
            assertThat(board.json().path("time").path("to").asText()).startsWith("1970-01-01T");
        }
    }

    @Test
    void data_source_provisioning_is_the_results_database_from_environment_variables() throws IOException {
        JsonNode file = YAML.readTree(provisioning("datasources/streamlimit.yaml").toFile());
        assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
        assertThat(file.path("datasources")).hasSize(1);
        JsonNode datasource = file.path("datasources").get(0);
        assertThat(datasource.path("uid").asText()).isEqualTo(DATASOURCE_UID);
        assertThat(datasource.path("type").asText()).isEqualTo("grafana-postgresql-datasource");
        assertThat(datasource.path("url").asText()).isEqualTo("${STREAMLIMIT_PG_HOST}:${STREAMLIMIT_PG_PORT}");
        assertThat(datasource.path("user").asText()).isEqualTo("${STREAMLIMIT_PG_USER}");
        assertThat(datasource.path("jsonData").path("database").asText()).isEqualTo("${STREAMLIMIT_PG_DATABASE}");
        assertThat(datasource.path("secureJsonData").path("password").asText()).isEqualTo("${STREAMLIMIT_PG_PASSWORD}");
    }

    @Test
    void dashboard_provider_reads_the_folder_the_readme_mounts_the_json_into() throws IOException {
        JsonNode file = YAML.readTree(provisioning("dashboards/streamlimit.yaml").toFile());
        assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
        assertThat(file.path("providers")).hasSize(1);
        JsonNode provider = file.path("providers").get(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        Path folder = hostPath(provider.path("options").path("path").asText());
        List<String> files = new ArrayList<>();
        try (var listing = Files.list(folder)) {
            listing.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(files::add);
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(
                Dashboard.all().stream().map(d -> d.file().getFileName().toString()).toList());
    }

    @Test
    void readme_mounts_the_provisioning_folder_where_grafana_reads_it() {
        Path provisioning = hostPath("/etc/grafana/provisioning");
        assertThat(provisioning.resolve("datasources/streamlimit.yaml")).isRegularFile();
        assertThat(provisioning.resolve("dashboards/streamlimit.yaml")).isRegularFile();
    }

    @Test
    void every_docker_run_in_the_readme_sets_every_variable_the_data_source_reads() throws IOException {
        Set<String> read = new TreeSet<>();
        List<String> values = new ArrayList<>();
        collectText(YAML.readTree(provisioning("datasources/streamlimit.yaml").toFile()), values);
        for (String value : values) {
            Matcher uses = ENV_USE.matcher(value);
            while (uses.find()) {
                read.add(uses.group(1));
            }
        }
        assertThat(read).contains("STREAMLIMIT_PG_HOST", "STREAMLIMIT_PG_PORT", "STREAMLIMIT_PG_DATABASE",
                "STREAMLIMIT_PG_USER", "STREAMLIMIT_PG_PASSWORD");
        List<String> commands = dockerRuns();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(1);
        for (String command : commands) {
            Set<String> set = new TreeSet<>();
            Matcher m = ENV_SET.matcher(command);
            while (m.find()) {
                set.add(m.group(1));
            }
            assertThat(set).as("variables set by: %s", command).containsExactlyElementsOf(read);
            assertThat(mounts(command)).containsKeys("/etc/grafana/provisioning", "/var/lib/grafana/dashboards");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Every string value in a YAML or JSON tree (comments are not values). */
    private static void collectText(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> collectText(child, into));
    }

    /** Every query and link URL of a dashboard: where run ids and variables would appear. */
    private static List<String> queriesAndLinks(Dashboard board) {
        List<String> texts = new ArrayList<>();
        for (JsonNode panel : board.panels()) {
            panel.path("targets").forEach(t -> texts.add(t.path("rawSql").asText()));
            panel.findValues("url").forEach(u -> texts.add(u.asText()));
        }
        board.variables().forEach(v -> texts.add(v.path("query").asText()));
        board.json().path("links").forEach(l -> texts.add(l.path("url").asText()));
        return texts;
    }

    private static Path provisioning(String file) {
        return Dashboard.folder().resolve("provisioning").resolve(file);
    }

    /** The repository folder the README's {@code docker run} mounts at a container path. */
    private static Path hostPath(String containerPath) {
        for (String command : dockerRuns()) {
            for (Map.Entry<String, String> mount : mounts(command).entrySet()) {
                String target = mount.getKey();
                if (containerPath.equals(target) || containerPath.startsWith(target + "/")) {
                    Path host = Dashboard.folder().getParent().resolve(mount.getValue())
                            .resolve(containerPath.substring(target.length()).replaceFirst("^/", ""));
                    assertThat(host).as("%s mounted from %s", containerPath, host).isDirectory();
                    return host;
                }
            }
        }
        throw new AssertionError("the README mounts nothing at " + containerPath);
    }

    private static Map<String, String> mounts(String command) {
        Map<String, String> mounts = new LinkedHashMap<>();
        Matcher m = MOUNT.matcher(command);
        while (m.find()) {
            mounts.put(m.group(2), m.group(1));
        }
        return mounts;
    }

    /** The README's {@code docker run} commands, continuation lines joined. */
    private static List<String> dockerRuns() {
        String readme;
        try {
            readme = Files.readString(Dashboard.folder().resolve("README.md"));
        } catch (IOException e) {
            throw new AssertionError("dashboards/README.md is missing", e);
        }
        List<String> commands = new ArrayList<>();
        String joined = readme.replaceAll("\\\\\\n\\s*", " ");
        for (String line : joined.split("\\n")) {
            if (line.strip().startsWith("docker run ")) {
                commands.add(line.strip());
            }
        }
        return commands;
    }
}
