package io.streamlimit.calibration;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfiles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link AwsBehaviour} as profile-file keys: which named profile a behaviour is closest to, and
 * the fields in which it differs, as a profile file writes them. Read off the record, so that a new
 * field needs nothing here.
 */
final class ProfileValues {

    private ProfileValues() {
    }

    /** The named profile from which {@code behaviour} differs in the fewest fields (the first of equals). */
    static String closestNamed(AwsBehaviour behaviour) {
        String closest = null;
        int fewest = Integer.MAX_VALUE;
        for (String name : AwsProfiles.names()) {
            int differences = differences(AwsProfiles.named(name), behaviour).size();
            if (differences < fewest) {
                closest = name;
                fewest = differences;
            }
        }
        return closest;
    }

    /** The fields in which {@code changed} differs from {@code base}, in declaration order, as written in a file. */
    static Map<String, String> differences(AwsBehaviour base, AwsBehaviour changed) {
        Map<String, String> differences = new LinkedHashMap<>();
        for (RecordComponent component : AwsBehaviour.class.getRecordComponents()) {
            Object was = value(component, base);
            Object now = value(component, changed);
            if (!Objects.equals(was, now)) {
                differences.put(component.getName(), yaml(now));
            }
        }
        return differences;
    }

    /** A value as a profile file writes it: a duration in ISO-8601, a number in plain notation. */
    static String yaml(Object value) {
        if (value instanceof Duration duration) {
            return duration.toString();
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static Object value(RecordComponent component, AwsBehaviour behaviour) {
        try {
            return component.getAccessor().invoke(behaviour);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read AwsBehaviour." + component.getName(), e);
        }
    }
}
