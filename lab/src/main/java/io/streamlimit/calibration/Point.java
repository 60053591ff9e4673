package io.streamlimit.calibration;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsBehaviourBuilder;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Values for some {@link Parameter}s; the rest of the behaviour is the starting one. */
public record Point(Map<Parameter, Double> values) {

    public Point {
        EnumMap<Parameter, Double> copy = new EnumMap<>(Parameter.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** No parameter changed: the starting behaviour itself. */
    public static Point none() {
        return new Point(Map.of());
    }

    public double value(Parameter parameter) {
        Double value = values.get(parameter);
        if (value == null) {
            throw new IllegalArgumentException("the point has no value for " + parameter.key());
        }
        return value;
    }

    /** The same point with one more (or another) value. */
    public Point with(Parameter parameter, double value) {
        EnumMap<Parameter, Double> copy = new EnumMap<>(Parameter.class);
        copy.putAll(values);
        copy.put(parameter, value);
        return new Point(copy);
    }

    /** {@code start} with this point's values. */
    public AwsBehaviour applyTo(AwsBehaviour start) {
        if (values.isEmpty()) {
            return start;
        }
        AwsBehaviourBuilder builder = start.toBuilder();
        values.forEach((parameter, value) -> parameter.set(builder, value));
        return builder.build();
    }
}
