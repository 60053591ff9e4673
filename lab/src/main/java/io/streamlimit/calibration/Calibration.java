package io.streamlimit.calibration;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A finished calibration: what was fitted to which run, the figures real, before (the starting
 * behaviour) and after (the fitted one), the parameters' starting and fitted values.
 *
 * @param noise each target figure's spread between seeds, which weighs its error in the loss
 * @param start the starting behaviour
 * @param fitted the fitted parameters' values; every other field is the starting behaviour's
 * @param identified per fitted parameter, the values the run cannot tell from the fitted one
 * @param points parameter points simulated (each with every seed)
 * @param simulations simulations run in all
 */
public record Calibration(
        ObservedRun run,
        Scenario scenario,
        CalibrationOptions options,
        Plan plan,
        Noise noise,
        TargetValues real,
        AwsBehaviour start,
        Evaluation before,
        Point fitted,
        Evaluation after,
        List<Identified> identified,
        int points,
        int simulations) {

    /**
     * The loss a fit may have and still be presented, per target figure: 25, each figure within
     * about five of its spreads between seeds. The model is not the run (consumer-2 of the 2020
     * trace fits with a loss of about 8 a figure, every figure within 3 %); a fit above it leaves
     * the run far off, as one fitted to the wrong number of published events does.
     */
    public static final double TOLERANCE_PER_TARGET = 25.0;

    public Calibration {
        identified = List.copyOf(identified);
    }

    /** The largest loss a fit may have: {@value #TOLERANCE_PER_TARGET} per target figure. */
    public double tolerance() {
        return TOLERANCE_PER_TARGET * plan.targets().size();
    }

    /** Fitted parameters whose value ended on their search range's bound: the search wanted further. */
    public List<Parameter> atBound() {
        List<Parameter> atBound = new ArrayList<>();
        for (Parameter parameter : plan.fitted()) {
            double value = fitted.value(parameter);
            if (value <= parameter.rounded(parameter.low()) || value >= parameter.rounded(parameter.high())) {
                atBound.add(parameter);
            }
        }
        return atBound;
    }

    /** A result to present: no fitted parameter on its bound and the loss within {@link #tolerance()}. */
    public boolean accepted() {
        return atBound().isEmpty() && lossAfter() <= tolerance();
    }

    /** Why the fit is not a result, in one line; empty when it is. */
    public String rejection() {
        List<String> why = new ArrayList<>();
        for (Parameter parameter : atBound()) {
            why.add(parameter.key() + " ended on its bound (" + parameter.display(fitted.value(parameter))
                    + ", range " + parameter.display(parameter.low()) + " to " + parameter.display(parameter.high()) + ")");
        }
        if (lossAfter() > tolerance()) {
            why.add(String.format(Locale.ROOT, "the loss stays at %.1f, above the tolerance %.1f (%d figures x %.0f)",
                    lossAfter(), tolerance(), plan.targets().size(), TOLERANCE_PER_TARGET));
        }
        return String.join("; ", why);
    }

    /** The fitted behaviour: the starting one with the fitted values. */
    public AwsBehaviour fittedBehaviour() {
        return fitted.applyTo(start);
    }

    /** The loss of the starting behaviour. */
    public double lossBefore() {
        return Loss.of(real, before.mean(), plan.targets(), noise);
    }

    /** The loss of the fitted behaviour. */
    public double lossAfter() {
        return Loss.of(real, after.mean(), plan.targets(), noise);
    }
}
