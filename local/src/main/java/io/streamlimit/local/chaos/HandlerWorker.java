package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.local.lambda.FunctionConfig;
import io.streamlimit.local.lambda.InvokeResult;
import io.streamlimit.local.lambda.LambdaFunction;
import io.streamlimit.local.lambda.LambdaObserver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One handler-phase driver: it owns a few uids, the ledger clock of their ledger (moved by hand),
 * and a {@link HarnessQueue}. Each step publishes events into the queue, calls the ledger
 * directly, or delivers a batch to the consumer function on the Lambda emulator. Because it is
 * the only driver of its uids, its history is checked exactly.
 */
final class HandlerWorker implements Runnable {

    private static final int BATCH = 10;
    /** Messages of one uid in one batch; their order is unknown, so few keep the check exact. */
    private static final int MAX_PER_UID = 3;
    private static final int SQS_MAX_BYTES = 262_144;

    private final HandlerPhase.Context phase;
    private final FaultPlan.Handler plan;
    private final String name;
    private final Random random;
    private final ManualClock ledgerClock = ManualClock.startingNow();
    private final Ledger ledger;
    private final FaultyConsumer consumer;
    private final LambdaFunction<SQSEvent, SQSBatchResponse> function;
    private final HarnessQueue queue = new HarnessQueue(Clock.systemUTC(), HandlerPhase.VISIBILITY, HandlerPhase.MAX_RECEIVES);
    private final List<String> uids = new ArrayList<>();
    private final Map<String, List<String>> openStreams = new HashMap<>();
    private final Map<String, Integer> streamNumbers = new HashMap<>();
    private final int quota;
    private long sequence;
    private final DirectCalls calls;
    /** Operations this worker recorded from consumer batches; {@link #calls} counts its direct ones. */
    private int batchOps;
    private boolean leaseExpired;
    private boolean timeoutInjected;
    private volatile Throwable error;

    HandlerWorker(int index, HandlerPhase.Context phase) {
        this.phase = phase;
        this.plan = phase.plan();
        this.name = phase.prefix() + "-w" + index;
        this.random = new Random(phase.options().seed() * 1_000_003L + index);
        this.quota = phase.options().handlerOps() / phase.options().handlerWorkers();
        for (int u = 0; u < phase.options().uidsPerWorker(); u++) {
            String uid = name + "-u" + u;
            uids.add(uid);
            openStreams.put(uid, new ArrayList<>());
        }
        this.ledger = new Ledger(phase.store(), phase.settings(), ledgerClock);
        this.calls = new DirectCalls(ledger, ledgerClock, phase, random, plan);
        this.consumer = new FaultyConsumer(ledger, HandlerPhase.FUNCTION_TIMEOUT);
        this.function = new LambdaFunction<>(new FunctionConfig("chaos-consumer-" + index, null, HandlerPhase.FUNCTION_TIMEOUT, 512),
                () -> consumer, 1_000, Clock.systemUTC(), LambdaObserver.NONE);
    }

    private int ownOps() {
        return batchOps + calls.ops();
    }

    List<String> uids() {
        return uids;
    }

    long ledgerMillis() {
        return ledgerClock.millis();
    }

    Throwable error() {
        return error;
    }

    void close() {
        function.close();
    }

    @Override
    public void run() {
        try {
            while (phase.history().size() < phase.options().handlerOps()) {
                step();
            }
            drain();
            ledgerClock.advance(phase.settings().leaseDuration().plusSeconds(1));
            for (String uid : uids) {
                calls.check(uid);
            }
        } catch (Throwable e) {
            error = e;
        }
    }

    private void step() throws InterruptedException {
        String uid = uids.get(random.nextInt(uids.size()));
        switch (FaultPlan.pick(random.nextDouble(), plan.send(), plan.direct())) {
            case 0 -> send(uid);
            case 1 -> calls.direct(uid, openStreams.get(uid), kind -> newStream(uid, kind));
            default -> deliver();
        }
        if (queue.visible(BATCH) >= BATCH) {
            deliver();
        }
        if (!leaseExpired && ownOps() > quota / 2) {
            // Every stream left open now (players that never closed) loses its slot.
            ledgerClock.advance(phase.settings().leaseDuration().plusSeconds(1));
            leaseExpired = true;
        }
    }

    private String newStream(String uid, String kind) {
        return uid + "-" + kind + streamNumbers.merge(uid, 1, Integer::sum);
    }

    private void send(String uid) {
        List<String> open = openStreams.get(uid);
        int shape = FaultPlan.pick(random.nextDouble(), plan.sendOpen(), plan.sendClose());
        List<StreamEvent> events = new ArrayList<>(2);
        if (shape == 0 || open.isEmpty()) {
            String stream = newStream(uid, "s");
            events.add(event(EventType.OPEN, uid, stream));
            if (random.nextDouble() < plan.neverClosed()) {
                phase.report().fault(FaultKind.NEVER_CLOSED);
            } else {
                open.add(stream);
            }
        } else if (shape == 1) {
            events.add(event(EventType.CLOSE, uid, open.remove(random.nextInt(open.size()))));
        } else {
            String stream = newStream(uid, "r");
            events.add(event(EventType.CLOSE, uid, stream));
            events.add(event(EventType.OPEN, uid, stream));
            phase.report().fault(FaultKind.CLOSE_BEFORE_OPEN);
        }
        for (StreamEvent e : events) {
            enqueue(e);
            if (random.nextDouble() < plan.duplicate()) {
                enqueue(event(e.type(), e.uid(), e.streamId())); // the same event again, as SNS may deliver it
                phase.report().fault(FaultKind.DUPLICATE_DELIVERY);
            }
        }
        if (random.nextDouble() < plan.poison()) {
            enqueuePoison();
        }
    }

    private void enqueuePoison() {
        String body = Bodies.poison(random, name + "-m" + sequence, SQS_MAX_BYTES * 4);
        String rejection = Bodies.rejection(body);
        if (rejection == null) {
            throw new IllegalStateException("a poison body the parser accepts: " + body);
        }
        queue.add(new QueuedMessage(name + "-m" + (sequence++), body, null, rejection));
        phase.report().fault(FaultKind.POISON_MESSAGE);
        phase.report().poisonSent(1);
    }

    /**
     * Each message carries its own {@code seq}, so each applied event names its message, and
     * the {@code at} of its sending: copies delivered after the lease ran out must not count.
     */
    private StreamEvent event(EventType type, String uid, String stream) {
        return new StreamEvent(type, uid, stream, ledgerClock.instant(), phase.prefix(), sequence++);
    }

    private void enqueue(StreamEvent event) {
        phase.sentKeys().add(BatchRecorder.key(event));
        queue.add(new QueuedMessage(name + "-m" + event.seq(), Bodies.of(event, random.nextBoolean()), event, null));
    }

    /** Delivers what is left until the queue is empty: each message succeeds or is dead-lettered. */
    private void drain() throws InterruptedException {
        while (!queue.isEmpty()) {
            if (!deliver()) {
                queue.awaitNextVisible();
            }
        }
    }

    /** Receives one batch and runs the handler on it; false if no message was visible. */
    private boolean deliver() throws InterruptedException {
        List<QueuedMessage> batch = queue.receive(BATCH, MAX_PER_UID, this::deadLetter);
        if (batch.isEmpty()) {
            return false;
        }
        if (random.nextDouble() < plan.shuffle()) {
            Collections.shuffle(batch, random); // best-effort order
        }
        batch.forEach(m -> m.receives++);
        consumer.prepare(injectFault(batch));
        long invoked = phase.history().tick();
        InvokeResult<SQSBatchResponse> result = function.invoke(SqsEvents.of(batch, name), batch.size());
        consumer.awaitFinished(); // a timed-out handler finishes before the worker goes on: one driver per uid
        long returned = phase.history().tick();
        if (consumer.handlerRan()) {
            batchOps += phase.recorder().record(batch, invoked, returned, ledgerClock.millis(), consumer.applied());
            phase.recorded();
        }
        queue.settle(batch, SqsEvents.failedIds(result, batch), this::deleteLost);
        return true;
    }

    private void deadLetter(QueuedMessage m) {
        phase.report().deadLetter(new ChaosReport.DeadLetter("handler", m.poison(),
                m.poison() ? m.rejection : "not applied after " + m.receives + " receives", Bodies.preview(m.body)));
    }

    /** Delivered and processed, but the delete was lost: SQS delivers it again. */
    private boolean deleteLost(QueuedMessage m) {
        if (m.faulted || random.nextDouble() >= plan.lostDelete()) {
            return false;
        }
        m.faulted = true;
        phase.report().fault(FaultKind.DUPLICATE_DELIVERY);
        return true;
    }

    /** At most one injected fault per message, so a good message never runs out of receives. */
    private InjectedFault injectFault(List<QueuedMessage> batch) {
        if (batch.stream().anyMatch(m -> m.faulted)) {
            return InjectedFault.NONE;
        }
        InjectedFault fault;
        double roll = random.nextDouble();
        if (!timeoutInjected && ownOps() > quota / 3) {
            timeoutInjected = true;
            fault = InjectedFault.PAST_TIMEOUT;
        } else {
            fault = switch (FaultPlan.pick(roll, plan.downstreamError(), plan.errorAfter(), plan.errorBefore())) {
                case 0 -> InjectedFault.DOWNSTREAM_ERROR;
                case 1 -> InjectedFault.ERROR_AFTER_HANDLER;
                case 2 -> InjectedFault.ERROR_BEFORE_HANDLER;
                default -> InjectedFault.NONE;
            };
        }
        if (fault != InjectedFault.NONE) {
            phase.report().fault(fault.kind());
            batch.forEach(m -> m.faulted = true);
        }
        return fault;
    }
}
