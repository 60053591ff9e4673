package io.streamlimit.local.bench;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.bench.BenchResults.PipelineFigures;
import io.streamlimit.local.run.LocalRun;
import io.streamlimit.local.run.LocalRunOptions;
import io.streamlimit.local.run.RunProgress;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * (3) The local pipeline end to end, as {@code streamlimit run} runs it: publish -> local SNS ->
 * ElasticMQ -> event source mapping -> Lambda emulator -> consumer -> ledger, with a downstream
 * that limits nothing (100,000/s, 1 ms a call) and no reserved concurrency; the mapping's
 * MaximumConcurrency and the local poller cap set the parallelism.
 */
final class PipelineBench {

    private final LocalStack stack;

    PipelineBench(LocalStack stack) {
        this.stack = stack;
    }

    /** An unmeasured run, to warm the JIT of every service on the way. */
    void warmUp(BenchSettings settings) throws InterruptedException {
        run("bench-warmup", settings.pipelineWarmUpEvents(), settings.pipelineConcurrency(), RunProgress.NONE);
    }

    PipelineFigures measure(BenchSettings settings, RunProgress progress) throws InterruptedException {
        return run("bench-pipeline", settings.pipelineEvents(), settings.pipelineConcurrency(), progress);
    }

    /** The scenario: a burst of {@code events}, one uid per open-open-close group so that batches do not contend. */
    static Scenario scenario(String name, int events, int concurrency) {
        return new Scenario(name, "streamlimit bench: the pipeline with an unlimited downstream",
                new EventsSpec(events, ArrivalPattern.BURST, events, null, null, null, EventsSpec.DEFAULT_PUBLISH_CONCURRENCY),
                Pipeline.SNS_SQS_LAMBDA, new QueueSpec(30, 5, 10, 0), new ConsumerSpec(null, concurrency, 10, 512),
                new DownstreamSpec(100_000, 1, false));
    }

    private PipelineFigures run(String name, int events, int concurrency, RunProgress progress) throws InterruptedException {
        LocalRunOptions options = new LocalRunOptions(name + "-" + System.currentTimeMillis(), null, Duration.ofSeconds(1),
                concurrency, 32, Duration.ofMinutes(3));
        LocalRun.Result result = new LocalRun(stack, AwsBehaviour.current(), Clock.systemUTC(), progress)
                .run(scenario(name, events, concurrency), options);
        Map<String, Long> requests = result.data().run().requestCounts();
        return figures(events, concurrency, result.data().invocations(), requests.getOrDefault("lambdaInvocations", 0L),
                requests.getOrDefault("sqsRequests", 0L),
                requests.getOrDefault("ledgerReads", 0L) + requests.getOrDefault("ledgerBatchReads", 0L)
                        + requests.getOrDefault("ledgerWrites", 0L));
    }

    /** Throughput from the rows: first publish to last completion, and the middle 80% of completions. */
    static PipelineFigures figures(int events, int concurrency, List<InvocationRow> rows, long invocations, long sqsRequests,
                                   long ledgerRequests) {
        Map<Long, Instant> firstCompletion = new HashMap<>();
        Instant firstSent = null;
        for (InvocationRow row : rows) {
            firstCompletion.merge(row.id(), row.completedAt(), (a, b) -> a.isBefore(b) ? a : b);
            if (firstSent == null || row.sentAt().isBefore(firstSent)) {
                firstSent = row.sentAt();
            }
        }
        int completed = firstCompletion.size();
        if (completed == 0) {
            return new PipelineFigures(events, 0, concurrency, 0, 0, 0, 0, 0, 0);
        }
        long[] done = firstCompletion.values().stream().mapToLong(Instant::toEpochMilli).toArray();
        Arrays.sort(done);
        double seconds = Math.max(0.001, (done[done.length - 1] - firstSent.toEpochMilli()) / 1000.0);
        int from = done.length / 10;
        int to = done.length * 9 / 10;
        double middleSeconds = (done[Math.max(from, to - 1)] - done[from]) / 1000.0;
        double steady = middleSeconds > 0 ? (to - 1 - from) / middleSeconds : completed / seconds;
        return new PipelineFigures(events, completed, concurrency, seconds, completed / seconds, steady,
                invocations == 0 ? 0 : (double) rows.size() / invocations, (double) sqsRequests / completed,
                (double) ledgerRequests / completed);
    }
}
