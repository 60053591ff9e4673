package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.AcquireResult;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerContentionException;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.LedgerStoreException;
import io.streamlimit.ledger.UidLedger;
import io.streamlimit.local.lambda.FunctionConfig;
import io.streamlimit.local.lambda.InvokeResult;
import io.streamlimit.local.lambda.LambdaFunction;
import io.streamlimit.local.lambda.LambdaObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bulk of a chaos round: worker threads, each owning a set of uids and a clock it moves by
 * hand, drive the real consumer handler (on the Lambda emulator, with its timeout) with
 * SQS-shaped batches and call the ledger directly, against DynamoDB Local. A small emulated
 * queue per worker redelivers failed messages after a visibility timeout and dead-letters them
 * after {@link #MAX_RECEIVES} receives, as SQS does. Because each uid has one driver, the
 * history is checked exactly, answer by answer ({@link HistoryChecker#checkSequential}).
 */
final class HandlerPhase {

    static final Duration VISIBILITY = Duration.ofMillis(400);
    static final int MAX_RECEIVES = 10;
    static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(2);
    private static final int BATCH = 10;
    /** Messages of one uid in one batch; their order is unknown, so few keep the check exact. */
    private static final int MAX_PER_UID = 3;
    private static final int SQS_MAX_BYTES = 262_144;

    private final ChaosOptions options;
    private final LedgerStore store;
    private final LedgerSettings settings;
    private final RestartableDynamoDb dynamo;
    private final ChaosReport report;
    private final String prefix;
    private final History history = new History();
    private final Set<String> sentKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> appliedKeys = ConcurrentHashMap.newKeySet();

    HandlerPhase(ChaosOptions options, LedgerStore store, LedgerSettings settings, RestartableDynamoDb dynamo,
                 ChaosReport report, String prefix) {
        this.options = options;
        this.store = store;
        this.settings = settings;
        this.dynamo = dynamo;
        this.report = report;
        this.prefix = prefix;
    }

    History history() {
        return history;
    }

    void run() throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.handlerWorkers(); i++) {
            Worker worker = new Worker(i);
            workers.add(worker);
            Thread thread = new Thread(worker, "chaos-handler-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        // The outage comes a third of the way in, while every worker is busy.
        while (history.size() < options.handlerOps() / 3 && threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(20);
        }
        dynamo.restart(options.outage());
        report.fault(FaultKind.DYNAMODB_RESTART);
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, UidLedger> finals = new HashMap<>();
        Map<String, Long> finalNow = new HashMap<>();
        for (Worker worker : workers) {
            worker.function.close();
            if (worker.error != null) {
                report.violation(new Violation("harness", "-", "handler worker failed: " + worker.error));
            }
            for (String uid : worker.uids) {
                finals.put(uid, store.read(uid));
                finalNow.put(uid, worker.clock.millis());
            }
        }
        HistoryChecker checker = new HistoryChecker(settings);
        report.violations(checker.checkSequential(history.ops(), finals, finalNow));
        report.ambiguous(checker.ambiguousUids());
        report.operations("handler + ledger (exact)", history.size());
        Set<String> lost = new HashSet<>(sentKeys);
        lost.removeAll(appliedKeys);
        lost.forEach(key -> report.lost("handler phase: " + key));
        report.goodEvents(sentKeys.size());
    }

    private static String key(StreamEvent e) {
        return e.type().wireName() + " " + e.uid() + "/" + e.streamId();
    }

    /** One message in a worker's emulated queue. */
    private static final class Message {
        final String id;
        final String body;
        final StreamEvent event; // null: poison
        final String rejection;
        int receives;
        long visibleAtNanos;
        boolean faulted;

        Message(String id, String body, StreamEvent event, String rejection) {
            this.id = id;
            this.body = body;
            this.event = event;
            this.rejection = rejection;
        }
    }

    private final class Worker implements Runnable {

        final int index;
        final Random random;
        final ManualClock clock = ManualClock.startingNow();
        final Ledger ledger;
        final LambdaFunction<SQSEvent, SQSBatchResponse> function;
        final List<String> uids = new ArrayList<>();
        final Map<String, List<String>> openStreams = new HashMap<>();
        final Map<String, Integer> streamNumbers = new HashMap<>();
        final LinkedList<Message> queue = new LinkedList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final int quota;
        long sequence;
        int ownOps;
        boolean leaseExpired;
        boolean timeoutInjected;
        volatile List<StreamEvent> lastApplied;
        volatile boolean handlerRan;
        volatile boolean throwInDownstream;
        volatile boolean sleepPastTimeout;
        volatile boolean throwBefore;
        volatile boolean throwAfter;
        volatile Throwable error;

        Worker(int index) {
            this.index = index;
            this.random = new Random(options.seed() * 1_000_003L + index);
            this.quota = options.handlerOps() / options.handlerWorkers();
            for (int u = 0; u < options.uidsPerWorker(); u++) {
                String uid = prefix + "-w" + index + "-u" + u;
                uids.add(uid);
                openStreams.put(uid, new ArrayList<>());
            }
            this.ledger = new Ledger(store, settings, clock);
            Downstream downstream = (events, invocation) -> {
                lastApplied = List.copyOf(events);
                if (throwInDownstream) {
                    throw new IllegalStateException("chaos: injected downstream failure");
                }
                if (sleepPastTimeout) {
                    try {
                        Thread.sleep(FUNCTION_TIMEOUT.toMillis() + 300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("chaos: stopped by the function timeout");
                    }
                }
                return List.of();
            };
            ConsumerHandler real = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream));
            RequestHandler<SQSEvent, SQSBatchResponse> faulty = (event, context) -> {
                inFlight.incrementAndGet();
                try {
                    if (throwBefore) {
                        throw new IllegalStateException("chaos: injected function error before the handler");
                    }
                    handlerRan = true;
                    SQSBatchResponse response = real.handleRequest(event, context);
                    if (throwAfter) {
                        throw new IllegalStateException("chaos: injected function error after the handler");
                    }
                    return response;
                } finally {
                    inFlight.decrementAndGet();
                }
            };
            Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> environments = () -> faulty;
            this.function = new LambdaFunction<>(new FunctionConfig("chaos-consumer-" + index, null, FUNCTION_TIMEOUT, 512),
                    environments, 1_000, Clock.systemUTC(), LambdaObserver.NONE);
        }

        @Override
        public void run() {
            try {
                while (history.size() < options.handlerOps()) {
                    String uid = uids.get(random.nextInt(uids.size()));
                    double roll = random.nextDouble();
                    if (roll < 0.45) {
                        send(uid);
                    } else if (roll < 0.75) {
                        direct(uid);
                    } else {
                        deliver();
                    }
                    if (visible() >= BATCH) {
                        deliver();
                    }
                    if (!leaseExpired && ownOps > quota / 2) {
                        // Every stream left open now (players that never closed) loses its slot.
                        clock.advance(settings.leaseDuration().plusSeconds(1));
                        leaseExpired = true;
                    }
                }
                drain();
                clock.advance(settings.leaseDuration().plusSeconds(1));
                for (String uid : uids) {
                    check(uid);
                }
            } catch (Throwable e) {
                error = e;
            }
        }

        private String newStream(String uid, String kind) {
            int n = streamNumbers.merge(uid, 1, Integer::sum);
            return uid + "-" + kind + n;
        }

        private void send(String uid) {
            List<String> open = openStreams.get(uid);
            double roll = random.nextDouble();
            List<StreamEvent> events = new ArrayList<>(2);
            if (roll < 0.45 || open.isEmpty()) {
                String stream = newStream(uid, "s");
                events.add(event(EventType.OPEN, uid, stream));
                if (random.nextDouble() < 0.15) {
                    report.fault(FaultKind.NEVER_CLOSED);
                } else {
                    open.add(stream);
                }
            } else if (roll < 0.8) {
                events.add(event(EventType.CLOSE, uid, open.remove(random.nextInt(open.size()))));
            } else {
                String stream = newStream(uid, "r");
                events.add(event(EventType.CLOSE, uid, stream));
                events.add(event(EventType.OPEN, uid, stream));
                report.fault(FaultKind.CLOSE_BEFORE_OPEN);
            }
            for (StreamEvent e : events) {
                enqueue(e);
                if (random.nextDouble() < 0.12) {
                    enqueue(event(e.type(), e.uid(), e.streamId())); // the same event again, as SNS may deliver it
                    report.fault(FaultKind.DUPLICATE_DELIVERY);
                }
            }
            if (random.nextDouble() < 0.04) {
                String body = Bodies.poison(random, prefix + "-w" + index + "-m" + sequence, SQS_MAX_BYTES * 4);
                String rejection = Bodies.rejection(body);
                if (rejection == null) {
                    throw new IllegalStateException("a poison body the parser accepts: " + body);
                }
                queue.add(new Message(prefix + "-w" + index + "-m" + (sequence++), body, null, rejection));
                report.fault(FaultKind.POISON_MESSAGE);
                report.poisonSent(1);
            }
        }

        /**
         * Each message carries its own {@code seq}, so each applied event names its message, and
         * the {@code at} of its sending: copies delivered after the lease ran out must not count.
         */
        private StreamEvent event(EventType type, String uid, String stream) {
            return new StreamEvent(type, uid, stream, clock.instant(), prefix, sequence++);
        }

        private void enqueue(StreamEvent event) {
            sentKeys.add(key(event));
            queue.add(new Message(prefix + "-w" + index + "-m" + event.seq(), Bodies.of(event, random.nextBoolean()), event, null));
        }

        private void direct(String uid) throws InterruptedException {
            List<String> open = openStreams.get(uid);
            double roll = random.nextDouble();
            if (roll < 0.35) {
                boolean known = !open.isEmpty() && random.nextBoolean();
                String stream = known ? open.get(random.nextInt(open.size())) : newStream(uid, "a");
                Op op = call(OpKind.ACQUIRE, uid, stream, () -> {
                    AcquireResult r = ledger.acquire(uid, stream);
                    return new Answer.Acquired(r.allowed(), r.open(), r.leaseExpiresAt());
                });
                if (!known && op.holds()) {
                    open.add(stream);
                }
            } else if (roll < 0.5 && !open.isEmpty()) {
                String stream = open.remove(random.nextInt(open.size()));
                call(OpKind.RELEASE, uid, stream, () -> new Answer.Applied(ledger.release(uid, stream)));
            } else if (roll < 0.8) {
                check(uid);
            } else if (roll < 0.9 || open.isEmpty()) {
                String stream = newStream(uid, "d");
                Op op = call(OpKind.OPEN, uid, stream, () -> new Answer.Applied(ledger.apply(StreamEvent.open(uid, stream))));
                if (op.holds()) {
                    open.add(stream);
                }
            } else {
                String stream = open.remove(random.nextInt(open.size()));
                call(OpKind.CLOSE, uid, stream, () -> new Answer.Applied(ledger.apply(StreamEvent.close(uid, stream))));
            }
        }

        private void check(String uid) throws InterruptedException {
            call(OpKind.CHECK, uid, null, () -> new Answer.Checked(ledger.check(uid).open()));
        }

        /**
         * Calls the ledger and records the answer. A call that failed may or may not have taken
         * effect; like a real client, the worker retries it until it gets an answer, which also
         * tells the checker which it was.
         */
        private Op call(OpKind kind, String uid, String stream, Supplier<Answer> operation) throws InterruptedException {
            for (int attempt = 1; ; attempt++) {
                long invoked = history.tick();
                long now = clock.millis();
                Answer answer;
                try {
                    answer = operation.get();
                } catch (LedgerStoreException | LedgerContentionException e) {
                    answer = new Answer.Failed(e.getClass().getSimpleName());
                }
                ownOps++;
                Op op = history.record(kind, uid, stream, "ledger", invoked, history.tick(), now, answer);
                if (!op.failed() || kind == OpKind.CHECK || attempt >= 200) {
                    return op;
                }
                Thread.sleep(50);
            }
        }

        private int visible() {
            long now = System.nanoTime();
            int n = 0;
            for (Message m : queue) {
                if (m.visibleAtNanos <= now && ++n >= BATCH) {
                    break;
                }
            }
            return n;
        }

        /** Delivers what is left until the queue is empty: each message succeeds or is dead-lettered. */
        private void drain() throws InterruptedException {
            while (!queue.isEmpty()) {
                if (!deliver()) {
                    long next = queue.stream().mapToLong(m -> m.visibleAtNanos).min().orElse(System.nanoTime());
                    Thread.sleep(Math.max(1, (next - System.nanoTime()) / 1_000_000));
                }
            }
        }

        /** Receives one batch and runs the handler on it; false if no message was visible. */
        private boolean deliver() throws InterruptedException {
            long now = System.nanoTime();
            List<Message> batch = new ArrayList<>(BATCH);
            Map<String, Integer> perUid = new HashMap<>();
            for (Iterator<Message> it = queue.iterator(); it.hasNext() && batch.size() < BATCH; ) {
                Message m = it.next();
                if (m.visibleAtNanos > now) {
                    continue;
                }
                if (m.receives >= MAX_RECEIVES) {
                    it.remove(); // SQS's redrive policy: to the dead-letter queue instead of another receive
                    report.deadLetter(new ChaosReport.DeadLetter("handler", m.event == null,
                            m.event == null ? m.rejection : "not applied after " + m.receives + " receives",
                            preview(m.body)));
                    continue;
                }
                if (m.event != null && perUid.merge(m.event.uid(), 1, Integer::sum) > MAX_PER_UID) {
                    continue; // the consumer applies a batch side by side: keep each uid's orders few
                }
                batch.add(m);
            }
            if (batch.isEmpty()) {
                return false;
            }
            if (random.nextDouble() < 0.3) {
                java.util.Collections.shuffle(batch, random); // best-effort order
            }
            batch.forEach(m -> m.receives++);
            injectFaults(batch);
            lastApplied = null;
            handlerRan = false;
            long invoked = history.tick();
            InvokeResult<SQSBatchResponse> result = function.invoke(toEvent(batch), batch.size());
            while (inFlight.get() > 0) {
                Thread.sleep(2); // a timed-out handler finishes before the worker goes on: one driver per uid
            }
            long returned = history.tick();
            throwInDownstream = sleepPastTimeout = throwBefore = throwAfter = false;
            record(batch, invoked, returned);
            Set<String> failed = new HashSet<>();
            if (result instanceof InvokeResult.Success<SQSBatchResponse> success && success.output() != null) {
                if (success.output().getBatchItemFailures() != null) {
                    success.output().getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
                }
            } else {
                batch.forEach(m -> failed.add(m.id));
            }
            long visibleAgain = System.nanoTime() + VISIBILITY.toNanos();
            for (Message m : batch) {
                if (failed.contains(m.id)) {
                    m.visibleAtNanos = visibleAgain;
                } else if (!m.faulted && random.nextDouble() < 0.04) {
                    // Delivered and processed, but the delete was lost: SQS delivers it again.
                    m.faulted = true;
                    m.visibleAtNanos = visibleAgain;
                    report.fault(FaultKind.DUPLICATE_DELIVERY);
                } else {
                    queue.remove(m);
                }
            }
            return true;
        }

        /** At most one injected fault per message, so a good message never runs out of receives. */
        private void injectFaults(List<Message> batch) {
            if (batch.stream().anyMatch(m -> m.faulted)) {
                return;
            }
            double roll = random.nextDouble();
            if (!timeoutInjected && ownOps > quota / 3) {
                timeoutInjected = true;
                sleepPastTimeout = true;
                report.fault(FaultKind.CONSUMER_TIMEOUT);
            } else if (roll < 0.03) {
                throwInDownstream = true;
                report.fault(FaultKind.CONSUMER_EXCEPTION);
            } else if (roll < 0.045) {
                throwAfter = true;
                report.fault(FaultKind.CONSUMER_EXCEPTION);
            } else if (roll < 0.055) {
                throwBefore = true;
                report.fault(FaultKind.CONSUMER_EXCEPTION);
            } else {
                return;
            }
            batch.forEach(m -> m.faulted = true);
        }

        /** The consumer applies a batch's messages in order: so are they recorded. */
        private void record(List<Message> batch, long invoked, long returned) {
            if (!handlerRan) {
                return; // the function failed before the handler saw the batch
            }
            List<StreamEvent> appliedList = lastApplied;
            Set<StreamEvent> applied = appliedList == null ? Set.of() : new HashSet<>(appliedList);
            long now = clock.millis();
            for (Message m : batch) {
                ownOps++;
                if (m.event == null) {
                    history.record(OpKind.POISON, null, null, "handler", invoked, returned, now, new Answer.Rejected(m.rejection));
                } else {
                    boolean wasApplied = applied.contains(m.event);
                    if (wasApplied) {
                        appliedKeys.add(key(m.event));
                    }
                    history.record(m.event.type() == EventType.OPEN ? OpKind.OPEN : OpKind.CLOSE, m.event.uid(),
                            m.event.streamId(), "handler", invoked, returned, now, m.event.at().toEpochMilli(),
                            wasApplied ? new Answer.Applied(null) : new Answer.Failed("reported as a failed item"));
                }
            }
        }

        private SQSEvent toEvent(List<Message> batch) {
            List<SQSEvent.SQSMessage> records = new ArrayList<>(batch.size());
            for (Message m : batch) {
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId(m.id);
                record.setReceiptHandle(m.id + "-" + m.receives);
                record.setBody(m.body);
                record.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(m.receives)));
                record.setEventSource("aws:sqs");
                record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:" + prefix + "-w" + index);
                record.setAwsRegion("us-east-1");
                records.add(record);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            return event;
        }
    }

    static String preview(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "... (" + body.length() + " chars)" : oneLine;
    }
}
