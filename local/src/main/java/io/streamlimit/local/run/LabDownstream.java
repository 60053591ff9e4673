package io.streamlimit.local.run;

import io.streamlimit.aws.rules.DownstreamWindow;
import io.streamlimit.aws.rules.FunctionFaults;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.InvocationInfo;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.scenario.DownstreamSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The rate-limited external service of a scenario. The consumer calls it for every record of a
 * batch in parallel; each call lasts {@code callMillis}. Whether a call is refused (429) is the
 * shared {@link DownstreamWindow} rule's decision, as in the simulator. Every accepted call is one
 * {@code invocations} row.
 *
 * <p>The consumer's own failures ({@code consumer.errorRate}, {@code consumer.timeoutRate}) are
 * played here, drawn by the shared {@link FunctionFaults} rule as the simulator draws them: a
 * failed record is answered as refused (the consumer reports it failed: in batchItemFailures from
 * SQS, a failed invocation for an async event), and a hung invocation waits until the function
 * timeout stops it.
 */
public final class LabDownstream implements Downstream {

    /** Longer than any function timeout (15 min): a hung invocation is always stopped by its timeout. */
    private static final Duration MAX_HANG = Duration.ofMinutes(16);

    private final DownstreamSpec spec;
    private final String groupId;
    private final Clock clock;
    private final RunRecorder recorder;
    private final DownstreamWindow window;
    private final FunctionFaults faults;
    // One seeded source; the threads' interleaving makes a local run non-deterministic anyway.
    private final Random random = new Random(1);

    public LabDownstream(DownstreamSpec spec, String groupId, Clock clock, RunRecorder recorder) {
        this(spec, FunctionFaults.NONE, groupId, clock, recorder);
    }

    public LabDownstream(DownstreamSpec spec, FunctionFaults faults, String groupId, Clock clock, RunRecorder recorder) {
        this.spec = spec;
        this.faults = faults;
        this.groupId = groupId;
        this.clock = clock;
        this.recorder = recorder;
        this.window = new DownstreamWindow(spec.ratePerSecond(), spec.enforce());
    }

    @Override
    public List<StreamEvent> callAll(List<StreamEvent> events, InvocationInfo invocation) {
        // Like the original function (Promise.all of its insert and a one-second wait), the calls
        // start with the handler and run beside its own work: the invocation lasts
        // max(callMillis, its work), and the limit is counted in the seconds handlers start, as
        // the simulator models it. (Counted when the ledger work ended instead, a slow batch and
        // the next one on the same environment could fall in one second and show a burst that
        // never reached the downstream.)
        Instant started = invocation.startedAt();
        List<StreamEvent> accepted = new ArrayList<>(events.size());
        List<StreamEvent> refused = new ArrayList<>();
        boolean hangs = drawTimeout();
        for (StreamEvent event : events) {
            // A record the handler fails makes no call; a hung invocation's calls never complete.
            boolean fails = !hangs && drawRecordFails();
            (!fails && admit(started) ? accepted : refused).add(event);
        }
        try {
            if (hangs) {
                Thread.sleep(MAX_HANG.toMillis()); // until the function timeout interrupts it
            }
            // The calls run in parallel: the batch waits one call's duration, not one per event.
            long wait = invocation.startedAt().toEpochMilli() + spec.callMillis() - clock.millis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        } catch (InterruptedException e) {
            // The function timed out: the calls never completed, so nothing is recorded.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("downstream call interrupted", e);
        }
        Instant completed = clock.instant();
        for (StreamEvent event : accepted) {
            if (event.seq() != null && recorder.runId().equals(event.runId())) {
                recorder.row(new InvocationRow(recorder.runId(), event.seq(), event.at(), started, completed,
                        groupId, invocation.batchId(), invocation.cacheId()));
            }
        }
        return refused;
    }

    private synchronized boolean drawTimeout() {
        return faults.timesOut(random);
    }

    private synchronized boolean drawRecordFails() {
        return faults.recordFails(random);
    }

    private synchronized boolean admit(Instant at) {
        return window.admit(at.toEpochMilli());
    }
}
