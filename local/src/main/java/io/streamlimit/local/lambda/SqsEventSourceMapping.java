package io.streamlimit.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.aws.rules.InvokeRetry;
import io.streamlimit.aws.rules.MappingScaler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping for a standard queue, on the wall clock: poller threads long-poll
 * the queue, invoke the function with their batch, delete what succeeded and leave the rest to
 * reappear after the visibility timeout. How many pollers run is the shared {@link MappingScaler}
 * rule's decision (ticked once a scaling tick with whether messages wait), and when a poller
 * invokes or gives a throttled batch up is {@link InvokeRetry}'s: the same rules the simulator
 * runs in virtual time. Like AWS, the mapping does not look at the function's reserved
 * concurrency, so throttles alone can push messages into the DLQ.
 */
public final class SqsEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);

    private final SqsClient sqs;
    private final SqsMappingConfig config;
    private final LambdaFunction<SQSEvent, SQSBatchResponse> function;
    private final Clock clock;
    private final MappingObserver observer;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger activePollers = new AtomicInteger();
    private final MappingScaler scaler;
    private final InvokeRetry invokeRetry;
    // Thread-safe; the threads' interleaving makes a local run non-deterministic anyway.
    private final Random random = new Random(1);
    private final SqsBatchDeleter deleter;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public SqsEventSourceMapping(SqsClient sqs, SqsMappingConfig config,
            LambdaFunction<SQSEvent, SQSBatchResponse> function, Clock clock, MappingObserver observer) {
        this.sqs = sqs;
        this.config = config;
        this.function = function;
        this.clock = clock;
        this.observer = observer;
        this.scaler = new MappingScaler(
                MappingScaler.Settings.of(config.behaviour(), config.maximumConcurrency()).capped(config.pollerCeiling()));
        this.invokeRetry = InvokeRetry.of(config.behaviour(), function.concurrencyLimit());
        this.deleter = new SqsBatchDeleter(sqs, config.queueUrl(), observer);
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Thread scaler = new Thread(this::scaleLoop, "esm-scaler");
        scaler.setDaemon(true);
        threads.add(scaler);
        scaler.start();
        addPollers();
    }

    /** Pollers running now: the batches the mapping can have in flight. */
    public int pollers() {
        return activePollers.get();
    }

    private void scaleLoop() {
        Duration tick = Duration.ofMillis(scaler.tickMillis());
        while (running.get()) {
            if (!pause(tick)) {
                return;
            }
            boolean waiting = messagesWaiting();
            synchronized (scaler) {
                scaler.tick(clock.millis(), waiting);
            }
            addPollers();
        }
    }

    /** The batches the mapping wants now: its scaler's target, which throttles shrink between ticks. */
    private int target() {
        synchronized (scaler) {
            return scaler.target();
        }
    }

    /** The scaling signal the simulator reads too: messages visible in the queue now. */
    private boolean messagesWaiting() {
        try {
            String visible = sqs.getQueueAttributes(b -> b.queueUrl(config.queueUrl())
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return visible != null && Integer.parseInt(visible) > 0;
        } catch (RuntimeException e) {
            LOG.debug("Could not read the queue's depth; the mapping keeps its size this tick", e);
            return false;
        }
    }

    private synchronized void addPollers() {
        while (running.get() && activePollers.get() < target()) {
            activePollers.incrementAndGet();
            Thread poller = new Thread(this::pollLoop, "esm-poller");
            poller.setDaemon(true);
            threads.add(poller);
            poller.start();
        }
    }

    private void pollLoop() {
        try {
            while (running.get() && !retire()) {
                Batch batch = receiveBatch();
                if (!batch.messages().isEmpty()) {
                    deliver(batch);
                }
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                LOG.warn("Poller stopped by an error; the scaler will replace it", e);
                activePollers.decrementAndGet();
            }
        } finally {
            threads.remove(Thread.currentThread());
        }
    }

    /** Leaves the pool when there are more pollers than the target. */
    private boolean retire() {
        while (true) {
            int active = activePollers.get();
            if (active <= target()) {
                return false;
            }
            if (activePollers.compareAndSet(active, active - 1)) {
                return true;
            }
        }
    }

    /**
     * A received batch. {@code pathStartedAt}: where the invoke path began, the receive itself when
     * it found messages at once (the modelled invoke overhead was fitted with a receive included),
     * else when the long poll returned.
     */
    private record Batch(List<Message> messages, Instant firstReceivedAt, long pathStartedAt) {
    }

    private Batch receiveBatch() {
        long receiveStarted = clock.millis();
        List<Message> batch = new ArrayList<>(receive(config.batchSize(), config.longPollWait()));
        Instant firstReceivedAt = clock.instant();
        long pathStartedAt = firstReceivedAt.toEpochMilli() - receiveStarted < 100 ? receiveStarted : firstReceivedAt.toEpochMilli();
        Instant windowEnd = firstReceivedAt.plus(config.batchWindow());
        // With a batching window the mapping keeps gathering until the batch is full or the window ends.
        while (!batch.isEmpty() && batch.size() < config.batchSize() && clock.instant().isBefore(windowEnd) && running.get()) {
            Duration left = Duration.between(clock.instant(), windowEnd);
            batch.addAll(receive(config.batchSize() - batch.size(), left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ZERO : Duration.ofSeconds(1)));
        }
        return new Batch(batch, firstReceivedAt, pathStartedAt);
    }

    private List<Message> receive(int max, Duration wait) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(config.queueUrl())
                        .maxNumberOfMessages(Math.min(max, config.behaviour().maxMessagesPerReceive()))
                        .waitTimeSeconds((int) Math.min(20, wait.toSeconds()))
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        observer.sqsRequests(1);
        for (Message m : messages) {
            int receiveCount = Integer.parseInt(m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            if (receiveCount > 1) {
                observer.redelivered(m.body(), receiveCount, clock.instant());
            }
        }
        return messages;
    }

    private void deliver(Batch received) {
        List<Message> batch = received.messages();
        SQSEvent event = SqsLambdaEvents.of(batch, config.queueArn());
        long visibleAgain = received.firstReceivedAt().plus(config.visibilityTimeout()).toEpochMilli();
        long attemptAt;
        synchronized (scaler) {
            attemptAt = invokeRetry.firstAttempt(clock.millis(), scaler.backingOff(clock.millis()), random);
        }
        while (running.get()) {
            if (!pauseUntil(attemptAt)) {
                return;
            }
            InvokeResult<SQSBatchResponse> result = function.invoke(event, batch.size(),
                    Math.max(attemptAt, received.pathStartedAt()));
            long now = clock.millis();
            if (result instanceof InvokeResult.Throttled) {
                synchronized (scaler) {
                    scaler.throttled(now);
                    attemptAt = invokeRetry.nextAttempt(now, visibleAgain, random);
                }
                if (attemptAt >= visibleAgain) {
                    pauseUntil(visibleAgain);
                    observer.abandonedAfterThrottles(batch.size(), clock.instant());
                    return;
                }
            } else {
                if (result instanceof InvokeResult.Success<SQSBatchResponse> success) {
                    deleter.deleteSucceeded(batch, success.output());
                } else {
                    // A function error or a timeout fails the whole batch: it reappears after the
                    // visibility timeout, and the mapping backs off.
                    synchronized (scaler) {
                        scaler.batchFailed(now, false);
                    }
                }
                return;
            }
        }
    }

    private boolean pauseUntil(long epochMillis) {
        return WallClockWait.until(clock, epochMillis) && running.get();
    }

    private boolean pause(Duration duration) {
        return pauseUntil(clock.millis() + duration.toMillis());
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(config.longPollWait().toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        deleter.close();
    }
}
