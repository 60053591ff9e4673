package io.streamlimit.ledger;

import io.streamlimit.event.StreamEvent;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * The per-uid ledger of open streams (DESIGN "The ledger").
 *
 * <p>Every change is: read the uid's item, prune what has expired, decide, write on the version
 * read (compare-and-set), and on a conflict start over. Reads prune too, because TTL deletes
 * lazily. Decisions that change nothing write nothing, so duplicates cost one read.
 * Thread-safe; any number of instances may share one store.
 */
public final class Ledger {

    /** Conflicts tolerated for one change before giving up; each round one writer wins. */
    static final int MAX_ATTEMPTS = 100;
    private static final long MAX_BACKOFF_NANOS = 5_000_000;

    private final LedgerStore store;
    private final LedgerSettings settings;
    private final Clock clock;
    private final LedgerRules rules;

    public Ledger(LedgerStore store, LedgerSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new LedgerRules(settings);
    }

    /** Applies one event once: idempotent on (streamId, type), in any order. */
    public Outcome apply(StreamEvent event) {
        return switch (event.type()) {
            case OPEN -> change(event.uid(), (state, now) -> rules.open(state, event.streamId(), now));
            case CLOSE -> change(event.uid(), (state, now) -> rules.close(state, event.streamId(), now));
        };
    }

    /**
     * Claims a slot for {@code streamId} if one is free; a stream that already holds one gets its
     * lease refreshed and is not counted twice. A denied acquire is not remembered.
     */
    public AcquireResult acquire(String uid, String streamId) {
        Objects.requireNonNull(streamId, "streamId");
        return change(uid, (state, now) -> rules.acquire(state, streamId, now));
    }

    /** Ends a stream, as a {@code close} event would. */
    public Outcome release(String uid, String streamId) {
        return apply(StreamEvent.close(uid, streamId));
    }

    /** How many streams {@code uid} has open now, expired leases excluded. */
    public CheckResult check(String uid) {
        Objects.requireNonNull(uid, "uid");
        int open = store.read(uid).openCount(clock.millis());
        return new CheckResult(uid, open, settings.limit(), open < settings.limit());
    }

    public LedgerSettings settings() {
        return settings;
    }

    private <R> R change(String uid, BiFunction<UidLedger, Long, LedgerRules.Decision<R>> decide) {
        Objects.requireNonNull(uid, "uid");
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            UidLedger current = store.read(uid);
            long now = clock.millis();
            LedgerRules.Decision<R> decision = decide.apply(current.pruned(now), now);
            UidLedger next = decision.next();
            if (next == null) {
                return decision.result();
            }
            UidLedger versioned = new UidLedger(uid, next.active(), next.closed(), next.denied(), current.version() + 1);
            if (store.compareAndSet(versioned, current.version())) {
                return decision.result();
            }
            backOff(attempt);
        }
        throw new LedgerContentionException(uid, MAX_ATTEMPTS);
    }

    /** Jittered exponential back-off so that racing writers stop colliding in lockstep. */
    private static void backOff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_NANOS, 20_000L << Math.min(attempt, 20));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling));
    }
}
