package io.streamlimit.local.chaos;

import java.util.Set;

/** What the model answers to a recorded operation, whether that matches the answer seen, and which invariant a mismatch breaks. */
final class ModelAnswers {

    private ModelAnswers() {
    }

    /** Applies {@code op} to the model and returns what it answers. */
    static Object apply(ModelLedger m, Op op, long now) {
        return switch (op.kind()) {
            case OPEN -> m.open(op.streamId(), op.openedAtMillis() >= 0 ? op.openedAtMillis() : now, now);
            case CLOSE, RELEASE -> m.close(op.streamId(), now);
            case ACQUIRE -> m.acquire(op.streamId(), now);
            case CHECK -> m.check(now);
            case POISON -> null;
        };
    }

    static boolean matches(Object predicted, Answer answer) {
        if (answer instanceof Answer.Applied applied) {
            return applied.outcome() == null || applied.outcome() == predicted;
        }
        if (answer instanceof Answer.Checked checked) {
            return predicted instanceof Integer open && open == checked.open();
        }
        if (answer instanceof Answer.Acquired acquired && predicted instanceof ModelLedger.AcquireAnswer model) {
            if (acquired.allowed() != model.allowed() || acquired.open() != model.open()) {
                return false;
            }
            return !acquired.allowed() || acquired.leaseExpiresAt() != null
                    && acquired.leaseExpiresAt().toEpochMilli() == model.leaseExpiresAt();
        }
        return false;
    }

    /** The invariant an answer breaks when the model expected one of {@code expected} instead. */
    static String invariantOf(Answer answer, Set<String> expected) {
        if (answer instanceof Answer.Acquired a && a.allowed() && expected.stream().anyMatch(e -> e.contains("allowed=false"))) {
            return "2: limit exceeded through acquire";
        }
        if (answer instanceof Answer.Applied applied && applied.outcome() != null) {
            return switch (applied.outcome()) {
                case OPENED -> expected.contains("REFRESHED") || expected.contains("DUPLICATE") ? "3: duplicate applied twice"
                        : expected.contains("ALREADY_CLOSED") ? "3: open after close counted" : "2/3: open";
                case CLOSED, TOMBSTONED -> "3: duplicate close applied twice";
                default -> "1-3: event answer";
            };
        }
        if (answer instanceof Answer.Checked) {
            return "1/4: check answer";
        }
        return "1-4: answer";
    }
}
