package io.streamlimit.local.chaos;

/** A history or final state that no sequential execution of DESIGN's ledger could produce. */
public record Violation(String invariant, String uid, String detail) {

    @Override
    public String toString() {
        return invariant + " [" + uid + "]: " + detail;
    }
}
