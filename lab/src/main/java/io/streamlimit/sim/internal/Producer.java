package io.streamlimit.sim.internal;

import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.ReleaseSchedule;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The producer: releases events by the arrival pattern and publishes each to the topic (or puts
 * it through the API proxy into the stream), with at most {@code publishConcurrency} publishes in
 * flight. An event's {@code sentAt} is when its publish starts, as the original producer stamped
 * it. A throttled put keeps its slot and is tried again when its target says.
 */
final class Producer implements Scheduler.Action {

    /** Where events go: the SNS topic, or the API proxy in front of a Kinesis stream. */
    interface Target {
        /** Marks a publish that was taken. */
        long ACCEPTED = -1;

        /** Publishes one event on its {@code attempt}-th try (0: the first): ACCEPTED, or when to try again. */
        long publish(int eventId, int attempt);
    }

    private static final long WAKE = -1;

    private final Scheduler scheduler;
    private final EventsSpec spec;
    private final int total;
    private final Random random;
    private final Target topic;
    private final Map<Integer, Integer> retries = new HashMap<>();
    private final EventStates events;
    private final ReleaseSchedule releases;
    private int next;
    private int inFlight;
    private boolean wakePending;

    Producer(Scheduler scheduler, EventsSpec spec, int total, Random random, Target topic, EventStates events) {
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
            int id = (int) tag;
            Integer attempt = retries.remove(id);
            long retryAt = topic.publish(id, attempt == null ? 0 : attempt);
            if (retryAt != Target.ACCEPTED) {
                retries.put(id, attempt == null ? 1 : attempt + 1);
                scheduler.at(retryAt, Scheduler.ARRIVE, this, id);
                return;
            }
            inFlight--;
        }
        startPublishes();
    }
}
