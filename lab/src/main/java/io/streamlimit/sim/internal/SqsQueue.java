package io.streamlimit.sim.internal;

import io.streamlimit.scenario.QueueSpec;
import java.util.ArrayDeque;

/**
 * A standard SQS queue with its redrive policy. Each receive raises a message's receive count and
 * hides it for the visibility timeout; a message whose count has reached {@code maxReceiveCount}
 * goes to the dead-letter queue at its next receive instead of being returned, as SQS does.
 * Long polls waiting on an empty queue are woken as messages become visible.
 *
 * <p>Order is first-in first-out over visibility, a fair stand-in for "best effort". A delete is
 * honoured only with the latest receive's receipt, the documented guarantee.
 */
final class SqsQueue implements Scheduler.Action, DelayLine.Sink {

    private static final byte NOT_SENT = 0;
    private static final byte VISIBLE = 1;
    private static final byte IN_FLIGHT = 2;
    private static final byte DELETED = 3;
    private static final byte DEAD = 4;

    private final Scheduler scheduler;
    private final Recorder recorder;
    private final EventStates events;
    private final long visibilityMillis;
    private final int maxReceiveCount;
    private final byte[] state;
    private final int[] receiveCount;
    private final TimedRing visible = new TimedRing();
    // One visibility timeout for all, so messages leave flight in the order they were received.
    private final TimedRing inFlight = new TimedRing();
    private final ArrayDeque<Poller> waiters = new ArrayDeque<>();
    private final DelayLine deletes;
    private int visibleCount;

    SqsQueue(Scheduler scheduler, QueueSpec spec, int total, Recorder recorder, EventStates events) {
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.events = events;
        this.visibilityMillis = spec.visibilityTimeoutSeconds() * 1_000L;
        this.maxReceiveCount = spec.maxReceiveCount();
        this.state = new byte[total];
        this.receiveCount = new int[total];
        this.deletes = new DelayLine(scheduler, Latencies.SQS_CALL_MILLIS, Scheduler.ARRIVE, this::delete);
    }

    /** SNS delivers a message (one SendMessage). */
    @Override
    public void accept(int id, int unused) {
        recorder.sqsSends++;
        if (state[id] == NOT_SENT) {
            makeVisible(id);
        }
    }

    int visibleCount() {
        return visibleCount;
    }

    /**
     * Receives up to {@code max} messages into {@code ids}/{@code receipts} from {@code offset};
     * returns how many. Messages past their receive limit move to the dead-letter queue instead.
     */
    int receive(int max, int[] ids, int[] receipts, int offset) {
        long now = scheduler.now();
        int got = 0;
        while (got < max && !visible.isEmpty()) {
            int id = visible.headId();
            visible.removeHead();
            if (state[id] != VISIBLE) {
                continue; // deleted while visible: a stale entry
            }
            visibleCount--;
            if (receiveCount[id] >= maxReceiveCount) {
                state[id] = DEAD;
                recorder.deadLetter(now, id);
                events.dead(id, now);
                continue;
            }
            int count = ++receiveCount[id];
            if (count > 1) {
                recorder.redelivery(now, id);
            }
            state[id] = IN_FLIGHT;
            inFlight.add(now + visibilityMillis, id, count);
            if (inFlight.size() == 1) {
                scheduler.at(now + visibilityMillis, Scheduler.VISIBLE, this, 0);
            }
            ids[offset + got] = id;
            receipts[offset + got] = count;
            got++;
        }
        return got;
    }

    /**
     * Sends a delete with the receipt of a receive; it lands one SQS call later. The caller does
     * not wait for it (the mapping polls on), so its latency does not slow the pipeline.
     */
    void deleteLater(int id, int receipt) {
        deletes.push(id, receipt);
    }

    /** Deletes with the receipt of a receive; ignored if the message was received again since. */
    private void delete(int id, int receipt) {
        if (receiveCount[id] != receipt || (state[id] != IN_FLIGHT && state[id] != VISIBLE)) {
            return;
        }
        if (state[id] == VISIBLE) {
            visibleCount--;
        }
        state[id] = DELETED;
        events.succeeded(id, scheduler.now());
    }

    void addWaiter(Poller poller) {
        waiters.addLast(poller);
    }

    void removeWaiter(Poller poller) {
        waiters.remove(poller);
    }

    /** Visibility timeouts run out: messages still in flight under that receive become visible. */
    @Override
    public void fire(long tag) {
        long now = scheduler.now();
        while (!inFlight.isEmpty() && inFlight.headTime() <= now) {
            int id = inFlight.headId();
            int receipt = inFlight.headAux();
            inFlight.removeHead();
            if (state[id] == IN_FLIGHT && receiveCount[id] == receipt) {
                makeVisible(id);
            }
        }
        if (!inFlight.isEmpty()) {
            scheduler.at(inFlight.headTime(), Scheduler.VISIBLE, this, 0);
        }
    }

    private void makeVisible(int id) {
        state[id] = VISIBLE;
        visible.add(0, id, 0);
        visibleCount++;
        Poller waiter = waiters.pollFirst();
        if (waiter != null) {
            waiter.messagesArrived();
        }
    }
}
