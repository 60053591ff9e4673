package io.streamlimit.ledger;

/** A change kept losing the compare-and-set race for one uid and gave up; safe to retry later. */
public class LedgerContentionException extends RuntimeException {

    public LedgerContentionException(String uid, int attempts) {
        super("gave up on uid " + uid + " after " + attempts + " version conflicts");
    }
}
