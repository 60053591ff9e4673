package io.streamlimit.sim.internal;

import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.ReleaseSchedule;
import java.util.Random;

/**
 * The producer: releases events by the arrival pattern and publishes each to the topic, with at
 * most {@code publishConcurrency} publishes in flight. An event's {@code sentAt} is when its
 * publish starts, as the original producer stamped it.
 */
final class Producer implements Scheduler.Action {

    private static final long WAKE = -1;

    private final Scheduler scheduler;
    private final EventsSpec spec;
    private final int total;
    private final Random random;
    private final SnsTopic topic;
    private final EventStates events;
    private final ReleaseSchedule releases;
    private int next;
    private int inFlight;
    private boolean wakePending;

    Producer(Scheduler scheduler, EventsSpec spec, int total, Random random, SnsTopic topic, EventStates events) {
        this.scheduler = scheduler;
        this.spec = spec;
        this.total = total;
        this.random = random;
        this.topic = topic;
        this.events = events;
        this.releases = new ReleaseSchedule(spec);
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
            inFlight++;
            events.sent(id, now);
            int latency = Latencies.PUBLISH_MIN_MILLIS
                    + random.nextInt(Latencies.PUBLISH_MAX_MILLIS - Latencies.PUBLISH_MIN_MILLIS + 1);
            scheduler.at(now + latency, Scheduler.ARRIVE, this, id);
        }
    }

    @Override
    public void fire(long tag) {
        if (tag == WAKE) {
            wakePending = false;
        } else {
            inFlight--;
            topic.publish((int) tag);
        }
        startPublishes();
    }
}
