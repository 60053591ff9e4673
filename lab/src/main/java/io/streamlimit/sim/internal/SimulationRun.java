package io.streamlimit.sim.internal;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.DownstreamWindow;
import io.streamlimit.aws.rules.FifoThroughput;
import io.streamlimit.aws.rules.KinesisShardPoller;
import io.streamlimit.aws.rules.KinesisShards;
import io.streamlimit.aws.rules.KinesisWriteLimits;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioWriter;
import io.streamlimit.scenario.StreamSpec;
import io.streamlimit.sim.SimulationListener;
import io.streamlimit.sim.SimulationProgress;
import io.streamlimit.sim.SimulationResult;
import io.streamlimit.sim.SimulationStats;
import io.streamlimit.sim.Simulator;
import java.time.Duration;
import java.util.Random;

/** Wires the modelled services for one scenario, runs the agenda to the end and collects the result. */
public final class SimulationRun {

    /** A run stops here even if events are still in flight (no scenario should come near it). */
    static final long MAX_VIRTUAL_MILLIS = Duration.ofDays(30).toMillis();
    private static final long PROGRESS_EVERY_MILLIS = 60_000;

    private final Scenario scenario;
    private final String runId;
    private final AwsBehaviour aws;
    private final SimulationListener listener;
    private final Scheduler scheduler = new Scheduler();
    private final Random random;
    private final Recorder recorder;
    private final EventStates events;
    private final DownstreamWindow downstream;
    private final AppliedOrder order;
    private boolean stopOnLossOrOverLimit;
    private boolean stoppedEarly;

    public SimulationRun(Scenario scenario, long seed, String runId, AwsBehaviour aws, SimulationListener listener) {
        this.scenario = scenario;
        this.runId = runId;
        this.aws = aws;
        this.listener = listener;
        this.random = new Random(seed);
        this.recorder = new Recorder(runId, scenario.name(), Simulator.EPOCH);
        this.events = new EventStates(scenario.events().total());
        this.downstream = new DownstreamWindow(scenario.downstream().ratePerSecond(), scenario.downstream().enforce());
        this.order = new AppliedOrder(scenario.events().total(), scenario.events().users());
    }

    /** Stops at the first dead-lettered event or second over the limit (see SimulationOptions). */
    public SimulationRun stopOnLossOrOverLimit(boolean stop) {
        this.stopOnLossOrOverLimit = stop;
        return this;
    }

    public SimulationResult run() {
        boolean fifo = scenario.pipeline().fifo();
        recorder.fifo = fifo;
        LambdaFunction function = new LambdaFunction(scheduler, aws, scenario.consumer(),
                scenario.downstream().callMillis(), recorder, events, downstream, random, fifo, order);
        Producer.Target target = scenario.pipeline() == Pipeline.API_KINESIS_LAMBDA
                ? arrivalsTold(stream(function))
                : new SnsTopic(scheduler, recorder, subscriber(function), order);
        FifoThroughput quota = fifo ? FifoThroughput.of(aws, scenario.queue().fifo().highThroughput()) : null;
        new Producer(scheduler, scenario.events(), events.total(), random, target, events, quota).start();
        runAgenda(function);
        return result();
    }

    /** The topic's subscription: the queue and its mapping, or Lambda's async queue. */
    private DelayLine.Sink subscriber(LambdaFunction function) {
        if (scenario.pipeline() == Pipeline.SNS_LAMBDA) {
            return new AsyncInvoker(scheduler, aws, function, recorder, events, random);
        }
        SqsQueue queue = new SqsQueue(scheduler, scenario.queue(), events.total(), scenario.events().users(), recorder,
                events, aws);
        EventSourceMapping.Settings settings = EventSourceMapping.settings(aws, scenario.queue(), scenario.consumer());
        new EventSourceMapping(scheduler, EventSourceMapping.scaling(aws, scenario.queue(), scenario.consumer()),
                queue, recorder,
                mapping -> new Poller(scheduler, mapping, queue, function, recorder, random, settings))
                .start();
        return queue;
    }

    /** The API proxy into the Kinesis stream, and the stream's event source mapping. */
    /** The stream's accepted puts, told to the order check as the topic tells its publishes. */
    private Producer.Target arrivalsTold(Producer.Target stream) {
        return (eventId, attempt) -> {
            long retryAt = stream.publish(eventId, attempt);
            if (retryAt == Producer.Target.ACCEPTED) {
                order.arrived(eventId);
            }
            return retryAt;
        };
    }

    private KinesisStream stream(LambdaFunction function) {
        StreamSpec spec = scenario.stream();
        KinesisShardPoller.Settings settings = KinesisShardPoller.Settings.of(aws, spec.batchSize(),
                spec.batchWindowSeconds(), spec.parallelizationFactor(), spec.bisectOnError(), spec.maxRetryAttempts(),
                spec.maxRecordAgeSeconds());
        KinesisMapping mapping = new KinesisMapping(scheduler, spec.shards(), settings, function, recorder, events, random);
        recorder.kinesisShards = spec.shards();
        return new KinesisStream(scheduler, new KinesisShards(spec.shards()), KinesisWriteLimits.of(aws, spec.shards()),
                mapping, recorder, random, scenario.events().users());
    }

    /** Runs until every event has left the pipeline and the last invocation has ended. */
    private void runAgenda(LambdaFunction function) {
        long nextProgress = PROGRESS_EVERY_MILLIS;
        while (!(events.allResolved() && function.idle())
                && !scheduler.isEmpty() && scheduler.nextTime() <= MAX_VIRTUAL_MILLIS) {
            scheduler.runNext();
            if (stopOnLossOrOverLimit && (events.deadCount() > 0 || downstream.secondsOverLimit() > 0)) {
                stoppedEarly = true;
                break;
            }
            if (scheduler.now() >= nextProgress) {
                listener.progress(progress(false));
                nextProgress = (scheduler.now() / PROGRESS_EVERY_MILLIS + 1) * PROGRESS_EVERY_MILLIS;
            }
        }
        listener.progress(progress(true));
    }

    private SimulationProgress progress(boolean finished) {
        return new SimulationProgress(scheduler.now(), events.published(), events.completedCount(),
                events.deadCount(), events.total() - events.unresolved(), events.total(), finished);
    }

    private SimulationResult result() {
        long lastCompletion = recorder.lastCompletion();
        long end = Math.max(lastCompletion, events.lastResolvedAt());
        long timeTaken = lastCompletion >= 0 ? lastCompletion : end;
        RunRecord run = new RunRecord(runId, scenario.name(), "simulate", ScenarioWriter.toJson(scenario),
                Simulator.EPOCH, recorder.instant(end), events.total(), scenario.downstream().ratePerSecond(),
                scenario.consumer().memoryMb(), recorder.requestCounts());
        RunData data = new RunData(run, recorder.rows(), recorder.events(), recorder.counts());
        SimulationStats stats = new SimulationStats(
                events.total(),
                events.completedCount(),
                events.deadCount(),
                events.unresolved(),
                recorder.duplicates,
                timeTaken,
                recorder.maxRunning(),
                recorder.lambdaInvocations,
                recorder.throttles,
                recorder.redeliveries,
                recorder.coldStarts,
                recorder.timeouts,
                recorder.wastedInvocations,
                downstream.secondsOverLimit(),
                downstream.refused(),
                end,
                scheduler.steps(),
                order.violations());
        return new SimulationResult(data, stats, stoppedEarly);
    }
}
