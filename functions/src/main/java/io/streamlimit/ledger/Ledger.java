package io.streamlimit.ledger;

import io.streamlimit.event.StreamEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * The per-uid ledger of open streams (the README's "How the ledger decides").
 *
 * <p>Every change is: read the uid's item, prune what has expired, decide, write on the version
 * read (compare-and-set), and on a conflict start over. Reads prune too, because TTL deletes
 * lazily. Decisions that change nothing write nothing, so duplicates cost one read. Several
 * events of one uid are decided together and written once ({@link #applyAll}).
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
        return change(event.uid(), (state, now) -> decide(state, event, now));
    }

    /**
     * Applies events of one uid in the order given, as {@link #apply} one after another would,
     * with one read and at most one write for all of them: a consumer batch often holds several
     * events of one viewer, and each DynamoDB request it saves is throughput.
     *
     * @return the outcome of each event, in the order given
     * @throws IllegalArgumentException if the events are not all of one uid
     */
    public List<Outcome> applyAll(List<StreamEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String uid = events.get(0).uid();
        for (StreamEvent event : events) {
            if (!event.uid().equals(uid)) {
                throw new IllegalArgumentException("applyAll takes events of one uid; got " + uid + " and " + event.uid());
            }
        }
        return change(uid, (state, now) -> {
            List<Outcome> outcomes = new ArrayList<>(events.size());
            UidLedger folded = state;
            boolean changed = false;
            for (StreamEvent event : events) {
                LedgerRules.Decision<Outcome> decision = decide(folded, event, now);
                outcomes.add(decision.result());
                if (decision.next() != null) {
                    folded = decision.next();
                    changed = true;
                }
            }
            return new LedgerRules.Decision<>(changed ? folded : null, List.copyOf(outcomes));
        });
    }

    /**
     * This ledger, with the first read of each of {@code uids} served from one batched read made
     * now: a consumer batch's uids cost one request instead of one each. Use it for one batch and
     * drop it; reads after a conflict, and of other uids, go to the store as usual.
     */
    public Ledger readingAhead(Collection<String> uids) {
        if (uids.size() < 2) {
            return this;
        }
        return new Ledger(new ReadAheadStore(store, store.readAll(uids)), settings, clock);
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

    private LedgerRules.Decision<Outcome> decide(UidLedger state, StreamEvent event, long now) {
        return switch (event.type()) {
            case OPEN -> rules.open(state, event.streamId(), event.at() == null ? now : event.at().toEpochMilli(), now);
            case CLOSE -> rules.close(state, event.streamId(), now);
        };
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
