package io.streamlimit.local.run;

import io.streamlimit.event.StreamEvent;
import io.streamlimit.producer.EventPublisher;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.ReleaseSchedule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * its events, so the batches go one at a time, in release order. (Publishing side by side in
 * lanes by uid was tried: the 1,000 events of fifo-200-viewers then took 72 s instead of 19 s,
 * ElasticMQ handing the mapping smaller batches.)
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
        ExecutorService pool = Executors.newFixedThreadPool(ordered ? 1 : spec.publishConcurrency(), r -> {
            Thread t = new Thread(r, "producer");
            t.setDaemon(true);
            return t;
        });
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
                List<StreamEvent> batch = new ArrayList<>(maxBatch);
                while (i < events.size() && batch.size() < maxBatch && start + releases.releaseMillis(i) <= clock.millis()) {
                    batch.add(events.get(i++));
                }
                publishes.add(pool.submit(() -> publish(batch)));
            }
            for (Future<?> publish : publishes) {
                publish.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("The producer could not publish: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
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
