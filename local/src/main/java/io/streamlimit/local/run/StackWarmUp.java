package io.streamlimit.local.run;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends a few hundred throwaway events through both pipelines of a freshly started stack before a
 * measured run, and discards what they leave. A cold JVM publishes, receives and writes several
 * times slower for its first seconds (JIT compilation, first connections): overhead AWS does not
 * have, which would otherwise sit on the measured run's clock (the first inserts of a cold
 * {@code run} came about 6 s after the first publish).
 */
public final class StackWarmUp {

    private static final int SQS_EVENTS = 1_000;
    private static final int SNS_EVENTS = 200;
    /**
     * Long enough that no warm-up invocation times out, however slow a cold JVM on a loaded machine
     * is: a timeout stops the handler mid-write, which logs an error though nothing is wrong (the
     * visibility timeout is AWS's guidance, 6 x the function's, so no batch comes back early).
     */
    private static final int TIMEOUT_SECONDS = 120;

    private StackWarmUp() {
    }

    public static void run(LocalStack stack, Clock clock) throws InterruptedException {
        DownstreamSpec instant = new DownstreamSpec(100_000, 1, false);
        Scenario sqs = new Scenario("warm-up-sqs", "throwaway events that warm the stack up",
                new EventsSpec(SQS_EVENTS, ArrivalPattern.BURST, 100, null, null, null, 50), Pipeline.SNS_SQS_LAMBDA,
                new QueueSpec(6 * TIMEOUT_SECONDS, 5, 10, 0), new ConsumerSpec(null, 10, TIMEOUT_SECONDS, 512), instant);
        Scenario sns = new Scenario("warm-up-sns", "throwaway events that warm the stack up",
                new EventsSpec(SNS_EVENTS, ArrivalPattern.BURST, 50, null, null, null, 50), Pipeline.SNS_LAMBDA,
                null, new ConsumerSpec(null, null, TIMEOUT_SECONDS, 512), instant);
        LocalRun run = new LocalRun(stack, AwsBehaviour.current(), clock, RunProgress.NONE);
        Duration limit = Duration.ofMinutes(2);
        run.run(sqs, new LocalRunOptions("warm-up-sqs", null, Duration.ofSeconds(1), 10, 32, limit));
        run.run(sns, new LocalRunOptions("warm-up-sns", null, Duration.ofSeconds(1), 10, 32, limit));
    }
}
