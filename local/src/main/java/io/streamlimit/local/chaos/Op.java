package io.streamlimit.local.chaos;

/**
 * One operation of a history and its answer.
 *
 * @param id the order in which operations were recorded; operations of one consumer batch get
 *     consecutive ids in the order the consumer applied them
 * @param invoked a tick of the history's logical clock taken before the call
 * @param returned a tick taken after the answer came back; two operations overlap in real time
 *     unless one returned before the other was invoked
 * @param clockMillis the ledger clock during the call when the caller controls it, else -1
 * @param via who made the call: {@code handler}, {@code ledger}, {@code service}, {@code http}, {@code pipeline}
 * @param openedAtMillis an {@code open} event's {@code at} (its lease runs from it), else -1
 */
public record Op(long id, OpKind kind, String uid, String streamId, String via, long invoked, long returned,
                 long clockMillis, long openedAtMillis, Answer answer) {

    boolean failed() {
        return answer instanceof Answer.Failed;
    }

    /** A successful answer that says the stream holds a slot now. */
    boolean holds() {
        if (answer instanceof Answer.Acquired a) {
            return a.allowed();
        }
        return kind == OpKind.OPEN && answer instanceof Answer.Applied applied
                && applied.outcome() != null && applied.outcome().counted();
    }

    /** A close or release that certainly took effect. */
    boolean closedForSure() {
        return kind.closes() && answer instanceof Answer.Applied;
    }

    @Override
    public String toString() {
        return "#" + id + " " + kind + " " + uid + (streamId == null ? "" : "/" + streamId) + " via " + via
                + " [" + invoked + ".." + returned + "]" + (clockMillis >= 0 ? " t=" + clockMillis : "")
                + (openedAtMillis >= 0 ? " at=" + openedAtMillis : "") + " -> " + answer;
    }
}
