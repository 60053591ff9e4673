package io.streamlimit.fidelity;

import java.util.List;

/**
 * One case measured: every figure it compares, real against simulated.
 *
 * @param scenario the simulated scenario's name
 */
public record CaseReport(String name, String scenario, String realSource, String awsProfile,
                         List<FigureComparison> figures) {

    public CaseReport {
        figures = List.copyOf(figures);
    }

    /** Figures judged against a band. */
    public long judged() {
        return figures.stream().filter(f -> f.verdict() != Verdict.SHOWN).count();
    }

    /** Figures within their band. */
    public long passed() {
        return figures.stream().filter(f -> f.verdict() == Verdict.PASS).count();
    }
}
