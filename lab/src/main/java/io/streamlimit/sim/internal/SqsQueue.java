package io.streamlimit.sim.internal;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.FifoDeduplication;
import io.streamlimit.aws.rules.FifoGroups;
import io.streamlimit.scenario.DeduplicationScope;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Viewers;
import java.util.ArrayDeque;

/**
 * A standard SQS queue with its redrive policy. Each receive raises a message's receive count and
 * hides it for the visibility timeout; a message whose count has reached {@code maxReceiveCount}
 * goes to the dead-letter queue at its next receive instead of being returned, as SQS does.
 * Long polls waiting on an empty queue are woken as messages become visible.
 *
 * <p>Order is first-in first-out over visibility, a fair stand-in for "best effort". A delete is
 * honoured only with the latest receive's receipt, the documented guarantee.
 *
 * <p>A FIFO queue ({@code queue.fifo}) hands what it may return to {@link FifoGroups} (the message
 * group is the event's viewer) and what it accepts to {@link FifoDeduplication} (the deduplication
 * id is the event's identity): its receives return group by group, and a delete or a message coming
 * back may unblock a group, which wakes a long poll. A delete that lands after its message came
 * back is ignored there (the receipt is stale once the group may be received again).
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
    private final FifoGroups fifo;
    private final FifoDeduplication deduplication;
    private final int users;
    private int visibleCount;

    SqsQueue(Scheduler scheduler, QueueSpec spec, int total, Recorder recorder, EventStates events) {
        this(scheduler, spec, total, 1, recorder, events, null);
    }

    /** @param aws the behaviour a FIFO queue takes its deduplication interval from (unused for a standard queue) */
    SqsQueue(Scheduler scheduler, QueueSpec spec, int total, int users, Recorder recorder, EventStates events,
             AwsBehaviour aws) {
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.events = events;
        this.visibilityMillis = spec.visibilityTimeoutSeconds() * 1_000L;
        this.maxReceiveCount = spec.maxReceiveCount();
        this.state = new byte[total];
        this.receiveCount = new int[total];
        this.deletes = new DelayLine(scheduler, Latencies.SQS_CALL_MILLIS, Scheduler.ARRIVE, this::delete);
        this.users = users;
        this.fifo = spec.isFifo() ? new FifoGroups() : null;
        this.deduplication = spec.isFifo()
                ? FifoDeduplication.of(aws, spec.fifo().deduplicationScope() == DeduplicationScope.MESSAGE_GROUP)
                : null;
    }

    /** SNS delivers a message (one SendMessage). */
    @Override
    public void accept(int id, int unused) {
        recorder.sqsSends++;
        if (fifo != null) {
            // The deduplication id is the event's identity (stream and type), one to one with its id.
            if (deduplication.accept(scheduler.now(), Integer.toString(group(id)), Integer.toString(id))) {
                fifo.send(group(id), id);
                makeVisible(id);
            }
            return;
        }
        if (state[id] == NOT_SENT) {
            makeVisible(id);
        }
    }

    /** True when a receive now would return a message (on a FIFO queue: a message of an unblocked group). */
    boolean receivable() {
        return fifo != null ? fifo.receivable() : visibleCount > 0;
    }

    /** Message groups with a message waiting or in flight (0 for a standard queue). */
    int activeGroups() {
        return fifo != null ? fifo.activeGroups() : 0;
    }

    boolean isFifo() {
        return fifo != null;
    }

    private int group(int id) {
        return Viewers.of(id, users);
    }

    /**
     * Receives up to {@code max} messages into {@code ids}/{@code receipts} from {@code offset};
     * returns how many. Messages past their receive limit move to the dead-letter queue instead.
     */
    int receive(int max, int[] ids, int[] receipts, int offset) {
        if (fifo != null) {
            return receiveFifo(max, ids, receipts, offset);
        }
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
                deadLetter(id, now);
                continue;
            }
            ids[offset + got] = id;
            receipts[offset + got] = takeInFlight(id, now);
            got++;
        }
        return got;
    }

    private int receiveFifo(int max, int[] ids, int[] receipts, int offset) {
        long now = scheduler.now();
        int got = fifo.receive(max, ids, offset, id -> {
            if (receiveCount[id] < maxReceiveCount) {
                return false;
            }
            visibleCount--;
            deadLetter(id, now);
            return true;
        });
        for (int i = offset; i < offset + got; i++) {
            visibleCount--;
            receipts[i] = takeInFlight(ids[i], now);
        }
        return got;
    }

    /** Gives up a message received maxReceiveCount times already, at the receive after its last: to the DLQ. */
    private void deadLetter(int id, long now) {
        state[id] = DEAD;
        recorder.deadLetter(now, id);
        events.dead(id, now);
    }

    /** Takes a received message in flight for the visibility timeout; returns its receive count, its receipt. */
    private int takeInFlight(int id, long now) {
        int count = ++receiveCount[id];
        if (count > 1) {
            recorder.redelivery(now, id);
        }
        state[id] = IN_FLIGHT;
        inFlight.add(now + visibilityMillis, id, count);
        if (inFlight.size() == 1) {
            scheduler.at(now + visibilityMillis, Scheduler.VISIBLE, this, 0);
        }
        return count;
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
        if (fifo != null) {
            if (state[id] != IN_FLIGHT) {
                return;
            }
            state[id] = DELETED;
            events.succeeded(id, scheduler.now());
            fifo.deleted(group(id), id);
            wakeIfReceivable();
            return;
        }
        if (state[id] == VISIBLE) {
            visibleCount--;
        }
        state[id] = DELETED;
        events.succeeded(id, scheduler.now());
    }

    private void wakeIfReceivable() {
        if (fifo.receivable()) {
            Poller waiter = waiters.pollFirst();
            if (waiter != null) {
                waiter.messagesArrived();
            }
        }
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
                if (fifo != null) {
                    fifo.returned(group(id), id);
                }
                makeVisible(id);
            }
        }
        if (!inFlight.isEmpty()) {
            scheduler.at(inFlight.headTime(), Scheduler.VISIBLE, this, 0);
        }
    }

    private void makeVisible(int id) {
        state[id] = VISIBLE;
        visibleCount++;
        if (fifo != null) {
            wakeIfReceivable();
            return;
        }
        visible.add(0, id, 0);
        Poller waiter = waiters.pollFirst();
        if (waiter != null) {
            waiter.messagesArrived();
        }
    }
}
