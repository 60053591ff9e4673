package io.streamlimit.sim.internal;

import io.streamlimit.aws.rules.FifoThroughput;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.ReleaseSchedule;
import io.streamlimit.scenario.Viewers;
import java.util.ArrayDeque;
import java.util.Random;

/**
 * The producer: releases events by the arrival pattern and publishes each to the topic, with at
 * most {@code publishConcurrency} publishes in flight. An event's {@code sentAt} is when its
 * publish starts, as the original producer stamped it.
 *
 * <p>To a FIFO topic a viewer's events are published one after another (a FIFO topic orders what
 * it receives, so a viewer's next publish waits for the last to return), and a publish the topic's
 * quota refuses ({@link FifoThroughput}) is tried again when the rule says, holding its slot.
 */
final class Producer implements Scheduler.Action {

    private static final long WAKE = -1;
    /** Tags below this retry a throttled publish of event {@code RETRY - tag}. */
    private static final long RETRY = -2;

    private final Scheduler scheduler;
    private final EventsSpec spec;
    private final int total;
    private final Random random;
    private final SnsTopic topic;
    private final EventStates events;
    private final ReleaseSchedule releases;
    private final FifoThroughput quota;
    private final boolean[] viewerPublishing;
    private final ArrayDeque<Integer>[] viewerWaiting;
    private int next;
    private int inFlight;
    private boolean wakePending;

    Producer(Scheduler scheduler, EventsSpec spec, int total, Random random, SnsTopic topic, EventStates events) {
        this(scheduler, spec, total, random, topic, events, null);
    }

    /** @param fifoQuota the FIFO topic's quota, or null for a standard topic */
    @SuppressWarnings("unchecked")
    Producer(Scheduler scheduler, EventsSpec spec, int total, Random random, SnsTopic topic, EventStates events,
             FifoThroughput fifoQuota) {
        this.scheduler = scheduler;
        this.spec = spec;
        this.total = total;
        this.random = random;
        this.topic = topic;
        this.events = events;
        this.releases = new ReleaseSchedule(spec);
        this.quota = fifoQuota;
        this.viewerPublishing = fifoQuota != null ? new boolean[spec.users()] : null;
        this.viewerWaiting = fifoQuota != null ? new ArrayDeque[spec.users()] : null;
    }

    void start() {
        startPublishes();
    }

    private void startPublishes() {
        long now = scheduler.now();
        while (inFlight < spec.publishConcurrency() && next < total) {
            long release = releases.releaseMillis(next);
            if (release > now) {
                if (!wakePending) {
                    wakePending = true;
                    scheduler.at(release, Scheduler.ACT, this, WAKE);
                }
                return;
            }
            int id = next++;
            if (quota != null && viewerPublishing[viewer(id)]) {
                waiting(viewer(id)).addLast(id); // after the viewer's publish in flight
                continue;
            }
            begin(id, now);
        }
    }

    private void begin(int id, long now) {
        inFlight++;
        events.sent(id, now);
        if (quota != null) {
            viewerPublishing[viewer(id)] = true;
        }
        attempt(id, now);
    }

    private void attempt(int id, long now) {
        if (quota != null && !quota.admit(now, viewer(id))) {
            scheduler.at(quota.retryAt(now), Scheduler.ACT, this, RETRY - id);
            return;
        }
        int latency = Latencies.PUBLISH_MIN_MILLIS
                + random.nextInt(Latencies.PUBLISH_MAX_MILLIS - Latencies.PUBLISH_MIN_MILLIS + 1);
        scheduler.at(now + latency, Scheduler.ARRIVE, this, id);
    }

    @Override
    public void fire(long tag) {
        if (tag == WAKE) {
            wakePending = false;
        } else if (tag <= RETRY) {
            attempt((int) (RETRY - tag), scheduler.now());
            return;
        } else {
            int id = (int) tag;
            inFlight--;
            topic.publish(id);
            if (quota != null) {
                int viewer = viewer(id);
                viewerPublishing[viewer] = false;
                Integer waiting = viewerWaiting[viewer] == null ? null : viewerWaiting[viewer].pollFirst();
                if (waiting != null) {
                    begin(waiting, scheduler.now());
                }
            }
        }
        startPublishes();
    }

    private int viewer(int id) {
        return Viewers.of(id, spec.users());
    }

    private ArrayDeque<Integer> waiting(int viewer) {
        if (viewerWaiting[viewer] == null) {
            viewerWaiting[viewer] = new ArrayDeque<>();
        }
        return viewerWaiting[viewer];
    }
}
