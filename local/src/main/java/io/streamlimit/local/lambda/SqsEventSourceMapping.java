package io.streamlimit.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping as AWS runs one for a standard queue: pollers long-poll the queue,
 * their number starts at 5 and grows while messages wait (capped by MaximumConcurrency), each
 * poller invokes the function with its batch, deletes what succeeded and leaves the rest to
 * reappear after the visibility timeout.
 *
 * <p>Like AWS, the mapping does not look at the function's reserved concurrency: a throttled
 * invoke is retried with backoff until the batch's visibility timeout runs out, and then the
 * batch is left to reappear with its receive count raised. That is how throttles alone push
 * messages into the DLQ.
 */
public final class SqsEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);
    private static final Duration SCALING_TICK = Duration.ofSeconds(1);

    private final SqsClient sqs;
    private final SqsMappingConfig config;
    private final LambdaFunction<SQSEvent, SQSBatchResponse> function;
    private final Clock clock;
    private final MappingObserver observer;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger targetPollers = new AtomicInteger();
    private final AtomicInteger activePollers = new AtomicInteger();
    private final AtomicBoolean sawMessages = new AtomicBoolean();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public SqsEventSourceMapping(SqsClient sqs, SqsMappingConfig config,
            LambdaFunction<SQSEvent, SQSBatchResponse> function, Clock clock, MappingObserver observer) {
        this.sqs = sqs;
        this.config = config;
        this.function = function;
        this.clock = clock;
        this.observer = observer;
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        targetPollers.set(Math.min(config.behaviour().initialConcurrentBatches(), config.pollerCeiling()));
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
        double perTick = config.behaviour().concurrentBatchesAddedPerMinute() * SCALING_TICK.toMillis() / 60_000.0;
        double target = targetPollers.get();
        while (running.get()) {
            if (!pause(SCALING_TICK)) {
                return;
            }
            if (sawMessages.getAndSet(false)) {
                target = Math.min(config.pollerCeiling(), target + perTick);
            } else {
                // Traffic dropped: scale back towards the floor, one poller a tick.
                target = Math.max(Math.min(config.behaviour().minConcurrentBatches(), config.pollerCeiling()), target - 1);
            }
            targetPollers.set((int) Math.floor(target));
            addPollers();
        }
    }

    private synchronized void addPollers() {
        while (running.get() && activePollers.get() < targetPollers.get()) {
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
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty()) {
                    sawMessages.set(true);
                    deliver(batch, clock.instant());
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
            if (active <= targetPollers.get()) {
                return false;
            }
            if (activePollers.compareAndSet(active, active - 1)) {
                return true;
            }
        }
    }

    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>(receive(config.batchSize(), config.longPollWait()));
        Instant windowEnd = clock.instant().plus(config.batchWindow());
        // With a batching window the mapping keeps gathering until the batch is full or the window ends.
        while (!batch.isEmpty() && batch.size() < config.batchSize() && clock.instant().isBefore(windowEnd) && running.get()) {
            Duration left = Duration.between(clock.instant(), windowEnd);
            batch.addAll(receive(config.batchSize() - batch.size(), left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ZERO : Duration.ofSeconds(1)));
        }
        return batch;
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

    private void deliver(List<Message> batch, Instant receivedAt) {
        SQSEvent event = toEvent(batch);
        Instant visibleAgain = receivedAt.plus(config.visibilityTimeout());
        long backoff = config.behaviour().throttleRetryInitialBackoff().toMillis();
        while (running.get()) {
            InvokeResult<SQSBatchResponse> result = function.invoke(event, batch.size());
            if (result instanceof InvokeResult.Throttled) {
                if (clock.millis() + backoff >= visibleAgain.toEpochMilli()) {
                    observer.abandonedAfterThrottles(batch.size(), clock.instant());
                    return;
                }
                if (!pause(Duration.ofMillis(backoff))) {
                    return;
                }
                backoff = Math.min(backoff * 2, config.behaviour().throttleRetryMaxBackoff().toMillis());
            } else {
                if (result instanceof InvokeResult.Success<SQSBatchResponse> success) {
                    deleteSucceeded(batch, success.output());
                }
                // A function error or a timeout fails the whole batch: it reappears after the visibility timeout.
                return;
            }
        }
    }

    private void deleteSucceeded(List<Message> batch, SQSBatchResponse response) {
        Set<String> failed = new HashSet<>();
        Map<String, Message> byId = new HashMap<>();
        batch.forEach(m -> byId.put(m.messageId(), m));
        if (response != null && response.getBatchItemFailures() != null) {
            for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                String id = failure.getItemIdentifier();
                if (id == null || id.isEmpty() || !byId.containsKey(id)) {
                    // AWS treats an empty or unknown id as a failure of the whole batch.
                    LOG.warn("Batch item failure with an unknown id '{}': the whole batch fails", id);
                    return;
                }
                failed.add(id);
            }
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Message m : batch) {
            if (!failed.contains(m.messageId())) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!entries.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(config.queueUrl()).entries(entries));
            observer.sqsRequests(1);
        }
    }

    private SQSEvent toEvent(List<Message> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(batch.size());
        for (Message m : batch) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            Map<String, String> attributes = new HashMap<>();
            m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
            record.setAttributes(attributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(config.queueArn());
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
                return;
            }
        }
    }
}
