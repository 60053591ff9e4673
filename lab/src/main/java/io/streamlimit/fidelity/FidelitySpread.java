package io.streamlimit.fidelity;

import java.util.ArrayList;
import java.util.List;

/**
 * Every case measured with consecutive seeds: per figure, the range of the simulated values and
 * how many seeds land inside the band.
 */
public record FidelitySpread(long firstSeed, List<FigureSpread> figures) {

    public FidelitySpread {
        figures = List.copyOf(figures);
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one figure");
        }
    }

    /**
     * Gathers reports of the same cases measured with different seeds.
     *
     * @param reports in seed order, consecutive seeds from the first report's
     * @throws IllegalArgumentException when the reports do not compare the same figures
     */
    public static FidelitySpread of(List<FidelityReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one report");
        }
        FidelityReport first = reports.get(0);
        List<FigureSpread> figures = new ArrayList<>();
        for (int c = 0; c < first.cases().size(); c++) {
            CaseReport caseReport = first.cases().get(c);
            for (int f = 0; f < caseReport.figures().size(); f++) {
                FigureComparison comparison = caseReport.figures().get(f);
                List<Double> values = new ArrayList<>();
                for (FidelityReport report : reports) {
                    FigureComparison same = report.cases().get(c).figures().get(f);
                    if (same.figure() != comparison.figure()
                            || !report.cases().get(c).name().equals(caseReport.name())) {
                        throw new IllegalArgumentException("reports of different cases or figures: "
                                + caseReport.name() + " " + comparison.figure().jsonKey());
                    }
                    values.add(same.simulated());
                }
                figures.add(new FigureSpread(caseReport.name(), comparison.figure(), comparison.real(),
                        comparison.band(), values));
            }
        }
        return new FidelitySpread(first.seed(), figures);
    }

    public int seeds() {
        return figures.get(0).seeds();
    }

    public long lastSeed() {
        return firstSeed + seeds() - 1;
    }

    public long judged() {
        return figures.stream().filter(FigureSpread::judged).count();
    }

    /** Judged figures inside their band at every seed. */
    public long alwaysInside() {
        return figures.stream().filter(f -> f.judged() && f.passes() == f.seeds()).count();
    }

    /** Judged figures outside their band at every seed. */
    public long neverInside() {
        return figures.stream().filter(f -> f.judged() && f.passes() == 0).count();
    }

    /**
     * For example "21 of 24 figures within their bands at every seed (seeds 1 to 5); 0 at some
     * seeds only; 3 at none".
     */
    public String summary() {
        long sometimes = judged() - alwaysInside() - neverInside();
        return alwaysInside() + " of " + judged() + " figures within their bands at every seed (seeds " + firstSeed
                + " to " + lastSeed() + "); " + sometimes + " at some seeds only; " + neverInside() + " at none";
    }
}
