package io.streamlimit.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.aws.rules.BatchingWindow;
import io.streamlimit.aws.rules.FifoConcurrency;
import io.streamlimit.aws.rules.InvokeRetry;
import io.streamlimit.aws.rules.MappingScaler;
import io.streamlimit.aws.rules.SqsBatchOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * rule's decision (ticked once a scaling tick with whether messages wait), how long a poller
 * gathers is {@link BatchingWindow}'s, when it invokes or gives a throttled batch up is
 * {@link InvokeRetry}'s, and what a batch's outcome does to the mapping is
 * {@link SqsBatchOutcome}'s: the same rules the simulator runs in virtual time. Like AWS, the
 * mapping does not look at the function's reserved concurrency, so throttles alone can push
 * messages into the DLQ.
 *
 * <p>On a FIFO queue ElasticMQ blocks a message group while one of its messages is in flight, as
 * SQS does, and the batches in flight are capped by {@link FifoConcurrency}: min(the scaler's
 * target, active groups). The emulator cannot list the queue's groups; it counts the groups its
 * batches hold, plus one while messages wait, so the mapping can reach a waiting group: a batch
 * beyond the active groups would receive nothing anyway.
 */
public final class SqsEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);

    private final SqsClient sqs;
    private final SqsMappingConfig config;
    private final LambdaFunction<SQSEvent, SQSBatchResponse> function;
    private final Clock clock;
    private final MappingObserver observer;
    private final Waiter waiter;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger activePollers = new AtomicInteger();
    private final MappingScaler scaler;
    private final InvokeRetry invokeRetry;
    private final BatchingWindow window;
    // Thread-safe; the threads' interleaving makes a local run non-deterministic anyway.
    private final Random random = new Random(1);
    private final SqsBatchDeleter deleter;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final boolean fifo;
    /** On a FIFO queue: each group some batch of this mapping holds now, with how many batches hold it. */
    private final Map<String, Integer> heldGroups = new ConcurrentHashMap<>();
    private volatile boolean messagesWaiting;

    public SqsEventSourceMapping(SqsClient sqs, SqsMappingConfig config,
            LambdaFunction<SQSEvent, SQSBatchResponse> function, Clock clock, MappingObserver observer) {
        this(sqs, config, function, clock, observer, new WallClockWaiter(clock));
    }

    /** The same, waiting through {@code waiter}. */
    public SqsEventSourceMapping(SqsClient sqs, SqsMappingConfig config,
            LambdaFunction<SQSEvent, SQSBatchResponse> function, Clock clock, MappingObserver observer, Waiter waiter) {
        this.waiter = waiter;
        this.sqs = sqs;
        this.config = config;
        this.function = function;
        this.clock = clock;
        this.observer = observer;
        this.scaler = new MappingScaler(
                config.scaling().capped(config.pollerCeiling()));
        this.invokeRetry = InvokeRetry.of(config.behaviour(), function.concurrencyLimit(),
                config.visibilityTimeout().toSeconds());
        this.window = new BatchingWindow(config.batchSize(), config.batchWindow().toMillis());
        this.deleter = new SqsBatchDeleter(sqs, config.queueUrl(), observer);
        this.fifo = config.queueArn().endsWith(".fifo");
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
            Optional<Boolean> waiting = messagesWaiting();
            if (waiting.isPresent()) {
                messagesWaiting = waiting.get();
                synchronized (scaler) {
                    scaler.tick(clock.millis(), waiting.get());
                }
            }
            addPollers();
        }
    }

    /** Provisioned mode's minimum pollers, billed around the clock; 0 in standard mode. */
    public int minimumPollers() {
        synchronized (scaler) {
            return scaler.minimumPollers();
        }
    }

    /** Poller-milliseconds above the minimum so far (provisioned mode), as the scaler counts them. */
    public long pollerMillisAboveMinimum() {
        synchronized (scaler) {
            return scaler.pollerMillisAboveMinimum();
        }
    }

    /** The batches the mapping wants now: its scaler's target, which throttles shrink between ticks. */
    public int targetBatches() {
        return target();
    }

    private int target() {
        int target;
        synchronized (scaler) {
            target = scaler.target();
        }
        return fifo ? FifoConcurrency.batches(target, activeGroups()) : target;
    }

    /** The groups this mapping's batches hold, and one more while messages wait (see the class comment). */
    private int activeGroups() {
        return heldGroups.size() + (messagesWaiting ? 1 : 0);
    }

    /**
     * The scaling signal the simulator reads too: messages visible in the queue now; empty when
     * the queue's depth could not be read, and the mapping then keeps its size this tick (a
     * failed read is no evidence that the queue is empty).
     */
    private Optional<Boolean> messagesWaiting() {
        try {
            String visible = sqs.getQueueAttributes(b -> b.queueUrl(config.queueUrl())
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return visible == null ? Optional.empty() : Optional.of(Integer.parseInt(visible) > 0);
        } catch (RuntimeException e) {
            LOG.debug("Could not read the queue's depth; the mapping keeps its size this tick", e);
            return Optional.empty();
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
                    Set<String> groups = hold(batch.messages());
                    try {
                        deliver(batch);
                    } finally {
                        release(groups);
                    }
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

    /** On a FIFO queue, notes the batch's message groups as held; returns them. */
    private Set<String> hold(List<Message> batch) {
        if (!fifo) {
            return Set.of();
        }
        Set<String> groups = new HashSet<>();
        for (Message m : batch) {
            String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
            if (group != null) {
                groups.add(group);
            }
        }
        groups.forEach(g -> heldGroups.merge(g, 1, Integer::sum));
        // More groups held may allow more batches now, as soon as AWS would see them, not a tick later.
        addPollers();
        return groups;
    }

    private void release(Set<String> groups) {
        groups.forEach(g -> heldGroups.computeIfPresent(g, (k, n) -> n == 1 ? null : n - 1));
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

    /** A received batch; {@code firstReceivedAt}: when its first messages came, the start of its window and visibility. */
    private record Batch(List<Message> messages, long firstReceivedAt) {
    }

    private Batch receiveBatch() {
        List<Message> batch = new ArrayList<>(receive(config.batchSize(), config.longPollWait()));
        long firstReceivedAt = clock.millis();
        // With a batching window the mapping keeps gathering until the batch is full or the window ends.
        while (!batch.isEmpty() && running.get()
                && window.next(clock.millis(), batch.size(), firstReceivedAt) instanceof BatchingWindow.GatherUntil gather) {
            // A receive waits in whole seconds (WaitTimeSeconds): under a second left, it only looks.
            Duration wait = gather.at() - clock.millis() < 1_000 ? Duration.ZERO : Duration.ofSeconds(1);
            batch.addAll(receive(config.batchSize() - batch.size(), wait));
        }
        return new Batch(batch, firstReceivedAt);
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
        long attemptAt;
        synchronized (scaler) {
            attemptAt = invokeRetry.firstAttempt(clock.millis(), scaler.backingOff(clock.millis()), random);
        }
        while (running.get()) {
            if (!pauseUntil(attemptAt)) {
                return;
            }
            InvokeResult<SQSBatchResponse> result = function.invoke(event, batch.size(), attemptAt);
            long now = clock.millis();
            if (result instanceof InvokeResult.Throttled) {
                InvokeRetry.Attempt next;
                synchronized (scaler) {
                    scaler.throttled(now);
                    next = invokeRetry.nextAttempt(now, received.firstReceivedAt(), random);
                }
                if (next instanceof InvokeRetry.LetGo letGo) {
                    pauseUntil(letGo.at());
                    observer.abandonedAfterThrottles(batch.size(), clock.instant());
                    return;
                }
                attemptAt = ((InvokeRetry.InvokeAt) next).at();
            } else {
                List<String> reported = reportedFailures(result);
                SqsBatchOutcome outcome = outcome(result, batch, reported);
                if (!outcome.wholeBatchFails()) {
                    deleter.deleteAllBut(batch, reported);
                }
                synchronized (scaler) {
                    outcome.reportTo(scaler, now);
                }
                return;
            }
        }
    }

    /** The item identifiers a handler that returned listed in batchItemFailures. */
    private static List<String> reportedFailures(InvokeResult<SQSBatchResponse> result) {
        if (!(result instanceof InvokeResult.Success<SQSBatchResponse> success) || success.output() == null
                || success.output().getBatchItemFailures() == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        success.output().getBatchItemFailures().forEach(f -> ids.add(f.getItemIdentifier()));
        return ids;
    }

    /** How a run ended, as the rule sees it: what the handler reported, a function error or a timeout. */
    private static SqsBatchOutcome outcome(InvokeResult<SQSBatchResponse> result, List<Message> batch,
            List<String> reported) {
        if (result instanceof InvokeResult.Success) {
            return SqsBatchOutcome.returned(batch.stream().map(Message::messageId).toList(), reported);
        }
        return result instanceof InvokeResult.TimedOut ? new SqsBatchOutcome.TimedOut() : new SqsBatchOutcome.FunctionError();
    }

    private boolean pauseUntil(long epochMillis) {
        return waiter.until(epochMillis) && running.get();
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
