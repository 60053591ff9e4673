package io.streamlimit.local.parity;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.lambda.WallClockWaiter;
import io.streamlimit.local.run.LocalRun;
import io.streamlimit.local.run.LocalRunOptions;
import io.streamlimit.local.run.RunProgress;
import io.streamlimit.local.run.StackWarmUp;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.stack.LocalStackOptions;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpIT {
    @TempDir static Path dir;

    @Test
    void dump() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", System.getProperty("dump.file", "fifo-200-viewers.yaml")));
        int events = Integer.getInteger("dump.events", 300);
        AwsBehaviour b = Simulator.behaviour(s, SimulationOptions.seed(1));
        RunData sim = Simulator.run(s, new SimulationOptions(1, events, "sim", b)).runData();
        print("SIM", sim);
        try (LocalStack stack = LocalStack.start(new LocalStackOptions(0, null, 0, dir, 0, null))) {
            StackWarmUp.run(stack, Clock.systemUTC());
            LocalRun.Result r = new LocalRun(stack, b, Clock.systemUTC(), RunProgress.NONE, UnaryOperator.identity(),
                    new WallClockWaiter(Clock.systemUTC())).run(s, new LocalRunOptions("dump-" + System.nanoTime(), events,
                    Duration.ofSeconds(1), 64, 32, Duration.ofMinutes(10)));
            print("LOCAL", r.data());
        }
    }

    static void print(String name, RunData d) {
        Instant t0 = d.invocations().stream().map(InvocationRow::sentAt).min(Comparator.naturalOrder()).orElseThrow();
        System.out.println("== " + name + " run start " + d.run());
        TreeMap<Long, int[]> perTenth = new TreeMap<>();
        for (InvocationRow r : d.invocations()) {
            perTenth.computeIfAbsent(Duration.between(t0, r.sentAt()).toMillis() / 250, k -> new int[3])[0]++;
            perTenth.computeIfAbsent(Duration.between(t0, r.startedAt()).toMillis() / 250, k -> new int[3])[1]++;
            perTenth.computeIfAbsent(Duration.between(t0, r.completedAt()).toMillis() / 250, k -> new int[3])[2]++;
        }
        perTenth.forEach((k, v) -> System.out.printf("%s t=%5.2f sent %3d started %3d completed %3d%n", name, k / 4.0, v[0], v[1], v[2]));
        TreeMap<Long, List<String>> inv = new TreeMap<>();
        for (PipelineEvent e : d.pipelineEvents()) {
            long ms = Duration.between(t0, e.at()).toMillis();
            inv.computeIfAbsent(ms / 250, k -> new ArrayList<>()).add(e.kind() + (e.batchSize() > 0 ? ":" + e.batchSize() : "") + (e.durationMillis() > 0 ? "/" + e.durationMillis() : ""));
        }
        inv.forEach((k, v) -> System.out.printf("%s t=%5.2f %s%n", name, k / 4.0, v));
    }
}
