package io.streamlimit.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One dashboard JSON file of {@code dashboards/json}, as Grafana's file provider reads it. */
record Dashboard(Path file, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The repository's {@code dashboards} folder: {@code ../dashboards} from the lab module. */
    static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("dashboards");
            if (Files.isDirectory(candidate.resolve("json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no dashboards/json folder above " + Path.of("").toAbsolutePath());
    }

    static List<Dashboard> all() {
        try (Stream<Path> files = Files.list(folder().resolve("json"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(Dashboard::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard byUid(String uid) {
        return all().stream().filter(d -> d.uid().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no dashboard with uid " + uid));
    }

    static Dashboard read(Path file) {
        try {
            return new Dashboard(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    String uid() {
        return json.path("uid").asText();
    }

    /** Every panel, with those inside collapsed rows. */
    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    JsonNode panel(String title) {
        return panels().stream().filter(p -> p.path("title").asText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(uid() + " has no panel '" + title + "'"));
    }

    List<JsonNode> variables() {
        List<JsonNode> variables = new ArrayList<>();
        json.path("templating").path("list").forEach(variables::add);
        return variables;
    }

    /** The dashboard's link whose title starts with {@code prefix}. */
    JsonNode link(String prefix) {
        for (JsonNode link : json.path("links")) {
            if (link.path("title").asText().startsWith(prefix)) {
                return link;
            }
        }
        throw new AssertionError(uid() + " has no link '" + prefix + "...'");
    }

    /** The key a panel is known by in the tests: {@code uid/title}. */
    String key(JsonNode panel) {
        return uid() + "/" + panel.path("title").asText();
    }
}
