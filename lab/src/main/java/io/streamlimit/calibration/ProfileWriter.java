package io.streamlimit.calibration;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfileFile;
import io.streamlimit.aws.AwsProfiles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A calibration as a profile file ({@link AwsProfileFile}) that {@code --aws-profile} accepts:
 * {@code base:} and the fitted keys, under a comment header saying what they were fitted to and
 * what each means. When the starting behaviour was itself a profile file, the keys in which it
 * differs from its closest named profile are carried over too, so that the file reproduces the
 * fitted behaviour exactly; {@link #text} checks that it does.
 */
public final class ProfileWriter {

    private static final int WIDTH = 100;

    private ProfileWriter() {
    }

    /**
     * @param startProfile how the starting behaviour was named (a profile name or file), for the header
     * @param date the day of the calibration, for the header
     */
    public static String text(Calibration calibration, String startProfile, LocalDate date) {
        AwsBehaviour start = calibration.start();
        String base = ProfileValues.closestNamed(start);
        Map<String, String> carried = new LinkedHashMap<>(ProfileValues.differences(AwsProfiles.named(base), start));
        calibration.plan().fitted().forEach(parameter -> carried.remove(parameter.key()));

        List<String> header = new ArrayList<>();
        header.add("AWS profile fitted by `streamlimit calibrate` on " + date + ".");
        header.add("Fitted to: " + describeRun(calibration) + ", configured as the scenario "
                + calibration.scenario().name() + " (" + calibration.scenario().pipeline().fileName()
                + "), starting from the AWS profile " + startProfile + ".");
        header.add("Matched: " + calibration.plan().targets().stream()
                .map(target -> target.label().replaceFirst(" \\([^)]*\\)$", ""))
                .collect(Collectors.joining(", ")) + "; simulator " + calibration.options().describe()
                + String.format(Locale.ROOT, "; loss %.1f before, %.1f after (squared errors in units of each"
                        + " figure's spread between seeds).", calibration.lossBefore(), calibration.lossAfter()));
        StringBuilder out = new StringBuilder();
        header.forEach(line -> comment(out, line, ""));
        out.append("#\n");
        if (calibration.plan().fitted().isEmpty()) {
            comment(out, "Nothing could be fitted from this run: the profile is the starting behaviour.", "");
        } else {
            comment(out, "Fitted:", "");
            for (Parameter parameter : calibration.plan().fitted()) {
                comment(out, "  " + parameter.key() + " (was " + parameter.yaml(parameter.valueIn(start)) + "): "
                        + parameter.meaning() + ".", "    ");
            }
        }
        if (!calibration.plan().kept().isEmpty()) {
            comment(out, "Kept as in the starting profile:", "");
            calibration.plan().kept().forEach((parameter, why) ->
                    comment(out, "  " + parameter.key() + ": " + why + ".", "    "));
        }
        if (!carried.isEmpty()) {
            comment(out, "Carried over from the starting profile " + startProfile + " (not fitted): "
                    + String.join(", ", carried.keySet()) + ".", "");
        }
        out.append("#\n");
        comment(out, "Use it with: streamlimit simulate SCENARIO.yaml --aws-profile THIS_FILE", "");
        out.append(AwsProfileFile.BASE).append(": \"").append(base).append("\"\n");
        carried.forEach((key, value) -> out.append(key).append(": ").append(value).append('\n'));
        for (Parameter parameter : calibration.plan().fitted()) {
            out.append(parameter.key()).append(": ").append(parameter.yaml(calibration.fitted().value(parameter)))
                    .append('\n');
        }
        String text = out.toString();
        // The file is the product: a file that does not reproduce the fit would be a silent error.
        AwsBehaviour written = AwsProfileFile.parse(text, "the calibrated profile");
        if (!written.equals(calibration.fittedBehaviour())) {
            throw new IllegalStateException("the written profile does not reproduce the fitted behaviour:\n" + text);
        }
        return text;
    }

    /** "FILE, group G (N rows of E events)". */
    static String describeRun(Calibration calibration) {
        ObservedRun run = calibration.run();
        return String.format(Locale.ROOT, "%s, group %s (%,d rows, %,d of %,d published events)", run.source(),
                run.groupId(), run.rows().size(), run.events(), calibration.scenario().events().total());
    }

    /** Appends {@code text} as comment lines of at most {@value #WIDTH} characters, continuation lines indented. */
    private static void comment(StringBuilder out, String text, String indent) {
        StringBuilder line = new StringBuilder("#");
        boolean first = true;
        for (String word : text.split(" ", -1)) {
            if (!first && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder("# ").append(indent).append(word);
                continue;
            }
            line.append(" ").append(word);
            first = false;
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
