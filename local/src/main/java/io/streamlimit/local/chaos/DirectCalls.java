package io.streamlimit.local.chaos;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.AcquireResult;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerContentionException;
import io.streamlimit.ledger.LedgerStoreException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/** A handler worker's direct calls to the ledger (acquire, release, check, open, close), recorded with their answers. */
final class DirectCalls {

    private static final int MAX_ATTEMPTS = 200;

    private final Ledger ledger;
    private final ManualClock ledgerClock;
    private final HandlerPhase.Context phase;
    private final Random random;
    private final FaultPlan.Handler plan;
    private int ops;

    DirectCalls(Ledger ledger, ManualClock ledgerClock, HandlerPhase.Context phase, Random random, FaultPlan.Handler plan) {
        this.ledger = ledger;
        this.ledgerClock = ledgerClock;
        this.phase = phase;
        this.random = random;
        this.plan = plan;
    }

    /** Operations recorded so far, retries included. */
    int ops() {
        return ops;
    }

    /**
     * One call picked by the plan on {@code uid}, whose streams held open are {@code open};
     * {@code newStream} names a fresh stream of a kind.
     */
    void direct(String uid, List<String> open, Function<String, String> newStream) throws InterruptedException {
        double roll = random.nextDouble();
        double acquire = plan.directAcquire();
        double release = acquire + plan.directRelease();
        double check = release + plan.directCheck();
        if (roll < acquire) {
            boolean known = !open.isEmpty() && random.nextBoolean();
            String stream = known ? open.get(random.nextInt(open.size())) : newStream.apply("a");
            Op op = call(OpKind.ACQUIRE, uid, stream, () -> {
                AcquireResult r = ledger.acquire(uid, stream);
                return new Answer.Acquired(r.allowed(), r.open(), r.leaseExpiresAt());
            });
            if (!known && op.holds()) {
                open.add(stream);
            }
        } else if (roll < release && !open.isEmpty()) {
            String stream = open.remove(random.nextInt(open.size()));
            call(OpKind.RELEASE, uid, stream, () -> new Answer.Applied(ledger.release(uid, stream)));
        } else if (roll < check) {
            check(uid);
        } else if (roll < check + plan.directOpen() || open.isEmpty()) {
            String stream = newStream.apply("d");
            Op op = call(OpKind.OPEN, uid, stream, () -> new Answer.Applied(ledger.apply(StreamEvent.open(uid, stream))));
            if (op.holds()) {
                open.add(stream);
            }
        } else {
            String stream = open.remove(random.nextInt(open.size()));
            call(OpKind.CLOSE, uid, stream, () -> new Answer.Applied(ledger.apply(StreamEvent.close(uid, stream))));
        }
    }

    void check(String uid) throws InterruptedException {
        call(OpKind.CHECK, uid, null, () -> new Answer.Checked(ledger.check(uid).open()));
    }

    /**
     * Calls the ledger and records the answer. A call that failed may or may not have taken
     * effect; like a real client, the worker retries it until it gets an answer, which also
     * tells the checker which it was.
     */
    private Op call(OpKind kind, String uid, String stream, Supplier<Answer> operation) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            long invoked = phase.history().tick();
            long now = ledgerClock.millis();
            Answer answer;
            try {
                answer = operation.get();
            } catch (LedgerStoreException | LedgerContentionException e) {
                answer = new Answer.Failed(e.getClass().getSimpleName());
            }
            ops++;
            Op op = phase.history().record(kind, uid, stream, "ledger", invoked, phase.history().tick(), now, answer);
            phase.recorded();
            if (!op.failed() || kind == OpKind.CHECK || attempt >= MAX_ATTEMPTS) {
                return op;
            }
            Thread.sleep(50); // a client's back-off before it retries; the store may be restarting
        }
    }
}
