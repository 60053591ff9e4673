package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures the README's scenario table and the scenario files' descriptions quote are what
 * {@code simulate} prints today (seed 1, each file's own AWS profile): this test fails, naming
 * each figure, when the model changes and the text does not. To write the new figures into the
 * files instead, run it with {@code -Dstreamlimit.docs.write=true}:
 *
 * <pre>./mvnw -B test -pl local -am -Dtest=DocsFiguresTest -Dsurefire.failIfNoSpecifiedTests=false -Dstreamlimit.docs.write=true</pre>
 */
class DocsFiguresTest {

    private static final Path ROOT = Path.of("..");
    private static final Path README = ROOT.resolve("README.md");
    private static final String NO_PROVISIONED = "recommended-without-provisioned-concurrency";

    @TempDir
    Path dir;

    /**
     * One figure in a file: {@code phrase} holds {@code %s} where the figure stands; whitespace
     * in it matches any run of whitespace, so a phrase may wrap in the file.
     */
    private record Figure(Path file, String phrase, Function<Map<String, JsonNode>, String> value) {
    }

    private static List<Figure> figures() {
        Path scenarios = ROOT.resolve("scenarios");
        return List.of(
                new Figure(README, "fast (about %s s: Lambda's async queue", runs -> seconds(runs, "01-no-limits")),
                new Figure(README, "async queue read about %s events a second)", runs -> whole(metric(runs, "01-no-limits", "avgInsertsPerSecond"))),
                new Figure(README, "makes it slow (about %s min;", runs -> whole(metric(runs, "02-sns-rc1", "timeTakenSeconds") / 60)),
                new Figure(README, "(visibility 10 s): %s of 1,000 simulated", runs -> whole(metric(runs, "03-sqs-rc1-low-visibility", "eventsFailed"))),
                new Figure(README, "nothing lost at the limit, about %s s (visibility 20 min)", runs -> tens(metric(runs, "04-sqs-rc1-high-visibility", "timeTakenSeconds"))),
                new Figure(README, "one event starts about every %s s, with", runs -> oneDecimal(metric(runs, "04-sqs-rc1-high-visibility", "timeTakenSeconds")
                        / metric(runs, "04-sqs-rc1-high-visibility", "eventsCompleted"))),
                new Figure(README, "with about %s throttles", runs -> hundreds(metric(runs, "04-sqs-rc1-high-visibility", "throttles"))),
                new Figure(README, "the throughput of 04 (%s s)", runs -> seconds(runs, "05-sqs-rc5-high-visibility")),
                new Figure(README, "no cold start: %s s for 1,000 events", runs -> oneDecimal(metric(runs, "recommended", "timeTakenSeconds"))),
                new Figure(README, "minutes, $%s, and saves the", runs -> cost(metric(runs, "recommended", "provisionedConcurrencyCostUsd"))),
                new Figure(README, "otherwise leaves the run at %s s.", runs -> oneDecimal(metric(runs, NO_PROVISIONED, "timeTakenSeconds"))),
                new Figure(scenarios.resolve("01-no-limits.yaml"), "all 1,000 events finish in about %s s,", runs -> seconds(runs, "01-no-limits")),
                new Figure(scenarios.resolve("04-sqs-rc1-high-visibility.yaml"), "the run takes about %s seconds,",
                        runs -> tens(metric(runs, "04-sqs-rc1-high-visibility", "timeTakenSeconds"))),
                new Figure(scenarios.resolve("recommended.yaml"), "1,000 events take %s s against", runs -> oneDecimal(metric(runs, "recommended", "timeTakenSeconds"))),
                new Figure(scenarios.resolve("recommended.yaml"), "(%s s without it)", runs -> oneDecimal(metric(runs, NO_PROVISIONED, "timeTakenSeconds"))),
                new Figure(scenarios.resolve("recommended.yaml"), "minutes: $%s for this run", runs -> cost(metric(runs, "recommended", "provisionedConcurrencyCostUsd"))));
    }

    @Test
    void the_readme_and_the_scenario_descriptions_quote_what_simulate_prints() throws Exception {
        Map<String, JsonNode> runs = simulateAll();
        boolean write = Boolean.getBoolean("streamlimit.docs.write");
        List<String> drifted = new ArrayList<>();
        Map<Path, String> texts = new HashMap<>();
        for (Figure figure : figures()) {
            String text = texts.computeIfAbsent(figure.file(), DocsFiguresTest::read);
            Matcher m = pattern(figure.phrase()).matcher(text);
            assertThat(m.find()).as("%s no longer has the phrase '%s'", figure.file(), figure.phrase()).isTrue();
            String expected = figure.value().apply(runs);
            if (!m.group(1).equals(expected)) {
                drifted.add(figure.file().getFileName() + ": '" + figure.phrase().formatted(m.group(1)) + "' should be '"
                        + figure.phrase().formatted(expected) + "'");
                texts.put(figure.file(), text.substring(0, m.start(1)) + expected + text.substring(m.end(1)));
            }
        }
        if (write) {
            for (Map.Entry<Path, String> text : texts.entrySet()) {
                Files.writeString(text.getKey(), text.getValue(), StandardCharsets.UTF_8);
            }
            return;
        }
        assertThat(drifted).as("figures that differ from simulate (rerun with -Dstreamlimit.docs.write=true to write them)")
                .isEmpty();
    }

    /** The scenarios the figures come from, as {@code simulate --json} prints them. */
    private Map<String, JsonNode> simulateAll() throws Exception {
        Map<String, JsonNode> runs = new HashMap<>();
        for (String name : List.of("01-no-limits", "02-sns-rc1", "03-sqs-rc1-low-visibility", "04-sqs-rc1-high-visibility",
                "05-sqs-rc5-high-visibility", "recommended")) {
            runs.put(name, simulate(ROOT.resolve("scenarios").resolve(name + ".yaml")));
        }
        // The recommended configuration without its provisioned environments: what they save.
        Path without = dir.resolve(NO_PROVISIONED + ".yaml");
        Files.writeString(without, read(ROOT.resolve("scenarios/recommended.yaml")).replace("provisionedConcurrency: 5, ", ""));
        runs.put(NO_PROVISIONED, simulate(without));
        return runs;
    }

    private JsonNode simulate(Path scenario) throws Exception {
        CliRun result = execute("simulate", scenario.toString(), "--json", "--no-save", "--seed", "1",
                "--report-dir", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.out());
    }

    private static Pattern pattern(String phrase) {
        String[] parts = phrase.split("%s", -1);
        return Pattern.compile(words(parts[0]) + "([0-9][0-9,.]*)" + words(parts[1]));
    }

    private static String words(String text) {
        return String.join("\\s+", java.util.Arrays.stream(text.split(" ", -1)).map(Pattern::quote).toList());
    }

    private static double metric(Map<String, JsonNode> runs, String scenario, String key) {
        return runs.get(scenario).get(key).asDouble();
    }

    private static String seconds(Map<String, JsonNode> runs, String scenario) {
        return whole(metric(runs, scenario, "timeTakenSeconds"));
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    private static String tens(double value) {
        return whole(Math.round(value / 10) * 10.0);
    }

    private static String hundreds(double value) {
        return whole(Math.round(value / 100) * 100.0);
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String cost(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
