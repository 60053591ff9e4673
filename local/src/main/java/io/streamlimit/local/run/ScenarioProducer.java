package io.streamlimit.local.run;

import io.streamlimit.event.StreamEvent;
import io.streamlimit.producer.EventPublisher;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.ReleaseSchedule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Publishes a scenario's events on its arrival pattern, {@code publishConcurrency} publishes in
 * flight, each a batch of up to 10 events due at the same time. Each event is stamped with the
 * moment it is published ({@code at}, the rows' {@code sent_at}).
 *
 * <p>For a FIFO topic ({@code ordered}) the publishes of one uid must be accepted in the order of
 * its events: each uid publishes on one of {@code publishConcurrency} lanes, one publish at a
 * time, as the simulator's producer does.
 */
final class ScenarioProducer {

    /** Events one SNS PublishBatch takes. */
    static final int SNS_BATCH = 10;

    private final EventPublisher publisher;
    private final EventsSpec spec;
    private final Clock clock;
    private final RunRecorder recorder;
    private final List<String> billedAs;
    private final boolean ordered;
    private final int maxBatch;

    /** Each event published counts as one SNS publish; up to 10 events a publish. */
    ScenarioProducer(EventPublisher publisher, EventsSpec spec, Clock clock, RunRecorder recorder) {
        this(publisher, spec, clock, recorder, List.of("snsPublishes"), SNS_BATCH, false);
    }

    /**
     * @param billedAs the request counts each published event adds one to
     * @param maxBatch events due at the same time that go in one publish call
     * @param ordered each uid's events are accepted in their order (a FIFO topic)
     */
    ScenarioProducer(EventPublisher publisher, EventsSpec spec, Clock clock, RunRecorder recorder, List<String> billedAs,
                     int maxBatch, boolean ordered) {
        this.publisher = publisher;
        this.spec = spec;
        this.clock = clock;
        this.recorder = recorder;
        this.billedAs = List.copyOf(billedAs);
        this.ordered = ordered;
        this.maxBatch = maxBatch;
    }

    /** Publishes every event; returns when the last publish has been accepted. */
    void publishAll(List<StreamEvent> events) throws InterruptedException {
        List<ExecutorService> lanes = new ArrayList<>();
        // A standard topic: one pool, any publish on any thread. A FIFO topic: one thread per lane
        // and each uid on one lane, so a uid's publishes go one after another, in order, while
        // other uids' go side by side: the simulator's producer, whose viewer's next publish
        // waits for its last to return.
        for (int lane = 0; lane < (ordered ? spec.publishConcurrency() : 1); lane++) {
            lanes.add(Executors.newFixedThreadPool(ordered ? 1 : spec.publishConcurrency(), r -> {
                Thread t = new Thread(r, "producer");
                t.setDaemon(true);
                return t;
            }));
        }
        try {
            List<Future<?>> publishes = new ArrayList<>();
            ReleaseSchedule releases = new ReleaseSchedule(spec);
            long start = clock.millis();
            int i = 0;
            while (i < events.size()) {
                long due = start + releases.releaseMillis(i);
                long wait = due - clock.millis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                // The events due now, by lane in release order, a publish for each maxBatch of a lane.
                Map<Integer, List<StreamEvent>> byLane = new LinkedHashMap<>();
                while (i < events.size() && start + releases.releaseMillis(i) <= clock.millis()) {
                    StreamEvent event = events.get(i++);
                    byLane.computeIfAbsent(Math.floorMod(event.uid().hashCode(), lanes.size()), k -> new ArrayList<>())
                            .add(event);
                }
                byLane.forEach((lane, ofLane) -> {
                    for (int from = 0; from < ofLane.size(); from += maxBatch) {
                        List<StreamEvent> batch = ofLane.subList(from, Math.min(from + maxBatch, ofLane.size()));
                        publishes.add(lanes.get(lane).submit(() -> publish(batch)));
                    }
                });
            }
            for (Future<?> publish : publishes) {
                publish.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("The producer could not publish: " + e.getCause().getMessage(), e.getCause());
        } finally {
            lanes.forEach(ExecutorService::shutdownNow);
        }
    }

    private void publish(List<StreamEvent> batch) {
        List<StreamEvent> stamped = new ArrayList<>(batch.size());
        for (StreamEvent e : batch) {
            stamped.add(new StreamEvent(e.type(), e.uid(), e.streamId(), clock.instant(), e.runId(), e.seq()));
        }
        publisher.publish(stamped);
        billedAs.forEach(request -> recorder.count(request, stamped.size()));
    }
}
