package io.streamlimit.local.chaos;

/**
 * A history or final state that no sequential execution of the ledger's rules (the README's "How
 * the ledger decides") could produce.
 */
public record Violation(String invariant, String uid, String detail) {

    @Override
    public String toString() {
        return invariant + " [" + uid + "]: " + detail;
    }
}
