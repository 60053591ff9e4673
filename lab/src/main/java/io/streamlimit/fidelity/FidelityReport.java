package io.streamlimit.fidelity;

import java.util.List;

/** How far the simulator is from the real runs: every case, measured with one seed. */
public record FidelityReport(long seed, List<CaseReport> cases) {

    public FidelityReport {
        cases = List.copyOf(cases);
    }

    public long judged() {
        return cases.stream().mapToLong(CaseReport::judged).sum();
    }

    public long passed() {
        return cases.stream().mapToLong(CaseReport::passed).sum();
    }

    public boolean allPassed() {
        return passed() == judged();
    }

    /** For example "12 of 17 figures within their bands". */
    public String summary() {
        return passed() + " of " + judged() + " figures within their bands";
    }
}
