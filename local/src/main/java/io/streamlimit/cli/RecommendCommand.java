package io.streamlimit.cli;

import io.streamlimit.metrics.CostModel;
import io.streamlimit.recommend.RankedCandidate;
import io.streamlimit.recommend.RecommendRequest;
import io.streamlimit.recommend.Recommendation;
import io.streamlimit.recommend.Recommender;
import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.DayTraffic;
import io.streamlimit.scenario.ScenarioWriter;
import io.streamlimit.scenario.Traffic;
import io.streamlimit.sim.SeedRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlimit recommend}: searches configurations in the simulator for the best one. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {
            "Searches reserved concurrency, maximum concurrency, provisioned concurrency, SnapStart, batch size,",
            "visibility timeout and maxReceiveCount in the simulator for the configuration that loses no event and",
            "never exceeds the downstream limit, in the shortest time (in steps of 1 %% of the time at the limit), then",
            "at the lowest cost;",
            "a configuration with throttled invokes must be more than 1 %% faster than a throttle-free one to win;",
            "between equally fast ones, the lower p99 latency (publish to applied) wins, then the lower cost.",
            "--max-p99 ranks configurations whose p99 is above the bound below those within it.",
            "--seeds N simulates each configuration with seeds 1 to N, ranks on each figure's median and shows the",
            "winner's range; a configuration that loses an event or goes over the limit at any seed cannot win.",
            "Prints the best ranks as a table with each one's reason."})
final class RecommendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", required = true, paramLabel = "N", description = "The downstream's limit, in calls per second.")
    int limit;

    @Option(names = "--events", defaultValue = "1000", paramLabel = "N", description = "Events to send (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--pattern", defaultValue = "burst", paramLabel = "burst|rate|day|replay",
            description = "burst: all at once; rate: --rate events per second; day: --base-rate with spikes; replay: --counts FILE (default: ${DEFAULT-VALUE}).")
    String pattern;

    @Option(names = "--rate", paramLabel = "N", description = "Events per second, with --pattern rate.")
    Integer rate;

    @Option(names = "--call-millis", defaultValue = "1000", paramLabel = "MS",
            description = "How long one downstream call takes (default: ${DEFAULT-VALUE}).")
    int callMillis;

    @Option(names = "--runners-up", defaultValue = "5", paramLabel = "N",
            description = "How many ranks to show after the winner (default: ${DEFAULT-VALUE}).")
    int runnersUp;

    @Option(names = "--max-p99", paramLabel = "DURATION",
            description = "A bound on the p99 latency, publish to applied, such as 30s or 500ms.")
    String maxP99;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "Simulate each configuration with seeds 1 to N and rank on the medians (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--write", paramLabel = "FILE", description = "Write the winner as a scenario file (an existing one only with --force).")
    Path write;

    @Option(names = "--force", description = "Let --write replace an existing file.")
    boolean force;

    @Mixin
    AwsProfileOption awsProfile;

    @Mixin
    TrafficOptions trafficOptions;

    @Override
    public Integer call() throws IOException {
        Preflight preflight = new Preflight(spec);
        String patternName = pattern.toLowerCase(Locale.ROOT);
        ArrivalPattern arrival = switch (patternName) {
            case "burst" -> ArrivalPattern.BURST;
            case "rate" -> ArrivalPattern.RATE;
            case "day" -> ArrivalPattern.DAY;
            case "replay" -> ArrivalPattern.REPLAY;
            default -> throw preflight.error("--pattern: must be burst, rate, day or replay, got " + pattern);
        };
        preflight.atLeast("--limit", limit, 1);
        if (arrival == ArrivalPattern.RATE && rate == null) {
            throw preflight.error("--rate: --pattern rate needs --rate N (events per second)");
        }
        if (arrival != ArrivalPattern.RATE && rate != null) {
            throw preflight.error("--rate: only with --pattern rate (the pattern is " + pattern + ")");
        }
        if (rate != null) {
            preflight.atLeast("--rate", rate, 1);
        }
        preflight.range("--call-millis", callMillis, 1, 60_000);
        preflight.atLeast("--runners-up", runnersUp, 0);
        preflight.range("--seeds", seeds, 1, SeedRuns.MAX_SEEDS);
        if (write != null) {
            preflight.outputFile("--write", write, "--force", force);
        } else if (force) {
            throw preflight.error("--force: only with --write FILE");
        }
        Traffic traffic = trafficOptions.traffic(patternName);
        if (traffic != null && !spec.commandLine().getParseResult().hasMatchedOption("--events")) {
            events = (int) traffic.counts().total(); // the whole day, or the whole file
        }
        preflight.events("--events", events);
        Long maxP99Millis = null;
        if (maxP99 != null) {
            maxP99Millis = Durations.millis(maxP99);
            if (maxP99Millis < 0) {
                throw preflight.error("--max-p99: must be a duration such as 30s, 500ms, 2m or 1h, got " + maxP99);
            }
        }
        RecommendRequest request = new RecommendRequest(limit, events, arrival, rate, callMillis,
                RecommendRequest.DEFAULT_SEED, traffic, maxP99Millis, seeds);
        Recommendation recommendation;
        CostModel costModel = new CostModel();
        try (InterruptNotice notice = new InterruptNotice(spec.commandLine().getErr(),
                "the search was interrupted; nothing was recommended" + (write == null ? "" : " and " + write + " was not written"))) {
            recommendation = new Recommender(costModel, awsProfile.behaviour())
                    .recommend(request, new RecommendProgressLine(spec.commandLine().getErr()));
        }
        PrintWriter out = spec.commandLine().getOut();
        RankedCandidate winner = recommendation.winner();
        out.printf("Recommended for %d events (%s) into a downstream of %d/s:%n%n", events,
                traffic != null ? patternName + ", " + traffic.counts() : arrival == ArrivalPattern.RATE ? rate + "/s" : "burst",
                limit);
        if (seeds > 1) {
            out.printf("(each figure the median over seeds %d to %d)%n%n", RecommendRequest.DEFAULT_SEED,
                    RecommendRequest.DEFAULT_SEED + seeds - 1);
        }
        List<RankedCandidate> shown = recommendation.top(runnersUp + 1);
        out.print(RecommendTable.format(shown, traffic instanceof DayTraffic, costModel));
        String orderCost = recommendation.orderCost();
        if (orderCost != null) {
            out.print(RecommendTable.wrap(orderCost, "  "));
        }
        out.println();
        if (winner.ranges() != null) {
            out.print(RecommendTable.wrap(RecommendTable.ranges(winner), "  "));
        }
        out.print(RecommendTable.wrap("Why: " + winner.reason(), "  "));
        for (RankedCandidate c : shown.subList(1, shown.size())) {
            out.print(RecommendTable.wrap("  #" + c.rank() + ": " + c.reason(), "      "));
        }
        if (write != null) {
            Path directory = write.toAbsolutePath().getParent();
            if (directory != null) {
                Files.createDirectories(directory);
            }
            // The winner under the profile it was found with, so that simulating the file reproduces it.
            String profile = awsProfile.relativeTo(directory != null ? directory : Path.of(""));
            Files.writeString(write, ScenarioWriter.toYaml(winner.scenario().withAwsProfile(profile)));
            out.println();
            out.println("Wrote " + write + "; try it with: ./streamlimit simulate " + write);
        }
        out.flush();
        return 0;
    }
}
