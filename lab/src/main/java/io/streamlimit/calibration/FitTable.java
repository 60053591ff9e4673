package io.streamlimit.calibration;

import io.streamlimit.report.TextTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A calibration as the command prints it: what it was fitted to; each target figure real, before
 * (the starting behaviour) and after (the fitted one), with the errors in percent; each parameter's
 * starting and fitted value; why the others were kept.
 */
public final class FitTable {


    private FitTable() {
    }

    public static String format(Calibration calibration, String startProfile) {
        StringBuilder out = new StringBuilder();
        out.append("Fitted to ").append(ProfileWriter.describeRun(calibration)).append('\n');
        out.append("Scenario ").append(calibration.scenario().name()).append(" (")
                .append(calibration.scenario().pipeline().fileName()).append("), starting from the AWS profile ")
                .append(startProfile).append("; each point simulated with ").append(calibration.options().describe())
                .append(String.format(Locale.ROOT, "; %,d points, %,d simulations%n%n", calibration.points(),
                        calibration.simulations()));

        List<String[]> figures = new ArrayList<>();
        figures.add(new String[] {"Figure", "Real", "Before", "Error %", "After", "Error %"});
        for (Target target : calibration.plan().targets()) {
            figures.add(new String[] {
                target.label(),
                fixed(calibration.real().value(target), target.places()),
                fixed(calibration.before().mean().value(target), target.places()),
                errorPercent(calibration.real(), calibration.before().mean(), target),
                fixed(calibration.after().mean().value(target), target.places()),
                errorPercent(calibration.real(), calibration.after().mean(), target)});
        }
        out.append(TextTable.format(figures, new boolean[] {false, true, true, true, true, true}));
        out.append(String.format(Locale.ROOT, "Loss %.1f before, %.1f after (the sum of squared errors, each in"
                + " units of its figure's spread between seeds)%n%n", calibration.lossBefore(), calibration.lossAfter()));

        List<String[]> parameters = new ArrayList<>();
        parameters.add(new String[] {"Parameter", "Start", "Fitted"});
        for (Parameter parameter : calibration.plan().fitted()) {
            parameters.add(new String[] {parameter.key(), parameter.display(parameter.valueIn(calibration.start())),
                parameter.display(calibration.fitted().value(parameter))});
        }
        calibration.plan().kept().forEach((parameter, why) -> parameters.add(new String[] {parameter.key(),
            parameter.display(parameter.valueIn(calibration.start())), "kept"}));
        out.append(TextTable.format(parameters, new boolean[] {false, true, true}));
        calibration.plan().kept().forEach((parameter, why) ->
                out.append("Kept ").append(parameter.key()).append(": ").append(why).append(".\n"));
        if (!calibration.identified().isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nIdentified (the values that keep the loss within the tolerance,"
                    + " %.1f, the others held):%n", calibration.tolerance()));
            for (Identified identified : calibration.identified()) {
                out.append("  ").append(identified.parameter().key()).append(": ").append(identified.describe())
                        .append('\n');
            }
        }
        if (!calibration.accepted()) {
            out.append("\nNo fit: ").append(calibration.rejection()).append(".\n");
        }
        return out.toString();
    }

    private static String errorPercent(TargetValues real, TargetValues simulated, Target target) {
        Double error = Loss.relativeError(real, simulated, target);
        if (error == null) {
            return "-";
        }
        String text = fixed(error * 100, 1);
        return text.startsWith("-") ? text : "+" + text;
    }

    private static String fixed(Double value, int places) {
        return value == null ? "-" : BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
}
