package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The bulk of a chaos round: {@link HandlerWorker}s, each owning a set of uids and a ledger clock
 * it moves by hand, drive the real consumer handler (on the Lambda emulator, with its timeout)
 * with SQS-shaped batches from a {@link HarnessQueue} and call the ledger directly, against
 * dynalite, which restarts a third of the way in. Because each uid has one driver, the
 * history is checked exactly ({@link SequentialChecker}).
 */
final class HandlerPhase {

    static final Duration VISIBILITY = Duration.ofMillis(400);
    static final int MAX_RECEIVES = 10;
    static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(2);

    /** What the workers share. */
    record Context(ChaosOptions options, LedgerStore store, LedgerSettings settings, ChaosReport report, String prefix,
                   FaultPlan.Handler plan, History history, Set<String> sentKeys, BatchRecorder recorder,
                   CountDownLatch outageDue) {

        /** Called after each recording: the outage comes once a third of the operations are done. */
        void recorded() {
            if (history.size() >= options.handlerOps() / 3) {
                outageDue.countDown();
            }
        }
    }

    private final Context context;
    private final RestartableDynamoDb dynamo;
    private final Set<String> appliedKeys = ConcurrentHashMap.newKeySet();

    HandlerPhase(ChaosOptions options, LedgerStore store, LedgerSettings settings, RestartableDynamoDb dynamo,
                 ChaosReport report, String prefix, FaultPlan.Handler plan) {
        History history = new History();
        this.context = new Context(options, store, settings, report, prefix, plan, history, ConcurrentHashMap.newKeySet(),
                new BatchRecorder(history, appliedKeys), new CountDownLatch(1));
        this.dynamo = dynamo;
    }

    History history() {
        return context.history();
    }

    void run() throws InterruptedException {
        List<HandlerWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < context.options().handlerWorkers(); i++) {
            HandlerWorker worker = new HandlerWorker(i, context);
            workers.add(worker);
            Thread thread = new Thread(() -> {
                try {
                    worker.run();
                } finally {
                    context.outageDue().countDown(); // a worker that ends early must not hold the outage back
                }
            }, "chaos-handler-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        // The outage comes a third of the way in, while every worker is busy.
        context.outageDue().await();
        dynamo.restart(context.options().outage());
        context.report().fault(FaultKind.DYNAMODB_RESTART);
        for (Thread thread : threads) {
            thread.join();
        }
        check(workers);
    }

    private void check(List<HandlerWorker> workers) {
        ChaosReport report = context.report();
        Map<String, UidLedger> finals = new HashMap<>();
        Map<String, Long> finalNow = new HashMap<>();
        for (HandlerWorker worker : workers) {
            worker.close();
            if (worker.error() != null) {
                report.violation(new Violation("harness", "-", "handler worker failed: " + worker.error()));
            }
            for (String uid : worker.uids()) {
                finals.put(uid, context.store().read(uid));
                finalNow.put(uid, worker.ledgerMillis());
            }
        }
        SequentialChecker checker = new SequentialChecker(context.settings());
        report.violations(checker.check(context.history().ops(), finals, finalNow));
        report.ambiguous(checker.ambiguousUids());
        report.operations("handler + ledger (exact)", context.history().size());
        Set<String> lost = new HashSet<>(context.sentKeys());
        lost.removeAll(appliedKeys);
        lost.forEach(key -> report.lost("handler phase: " + key));
        report.goodEvents(context.sentKeys().size());
    }
}
