package io.streamlimit.calibration;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsBehaviourBuilder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ToDoubleFunction;

/**
 * An {@link AwsBehaviour} field that {@code streamlimit calibrate} can fit: the fitted ones whose
 * effect shows in a run's rows. Values are plain numbers, durations in seconds. Each has the range
 * the search spans (wide enough for any account, narrow enough to stay physical) and the precision
 * it is written with: the search only visits written values, so the fit printed is the fit of the
 * file.
 */
public enum Parameter {

    MAPPING_BATCHES_REMOVED_PER_THROTTLE("mappingBatchesRemovedPerThrottle",
            "batches the SQS event source mapping gives up per throttled invoke: how hard it backs off"
                    + " under reserved concurrency, which sets the pace of a throttled queue",
            Scale.LOG, 0.05, 3.0, 0, false,
            AwsBehaviour::mappingBatchesRemovedPerThrottle, (b, v) -> b.mappingBatchesRemovedPerThrottle(v)),
    INVOKE_OVERHEAD("invokeOverhead",
            "time from an invoke to the handler's start on a warm environment, which sets the"
                    + " shortest gap between the starts of one environment",
            Scale.LINEAR, 0.0, 0.2, 0.001, true,
            aws -> seconds(aws.invokeOverhead()), (b, v) -> b.invokeOverhead(duration(v))),
    HELD_BATCH_RETRY_MEAN_INTERVAL("heldBatchRetryMeanInterval",
            "mean of the random wait before a poller retries a throttled batch, which decides how many"
                    + " messages run out of receives and reach the DLQ",
            Scale.LOG, 0.5, 60.0, 0, true,
            aws -> seconds(aws.heldBatchRetryMeanInterval()), (b, v) -> b.heldBatchRetryMeanInterval(duration(v))),
    ASYNC_DELIVERY_RATE_PER_SECOND("asyncDeliveryRatePerSecond",
            "events a second Lambda's asynchronous queue hands to one function, which sets the start"
                    + " rate of an unthrottled SNS -> Lambda pipeline",
            Scale.LOG, 0.5, 500.0, 0, false,
            AwsBehaviour::asyncDeliveryRatePerSecond, (b, v) -> b.asyncDeliveryRatePerSecond(v)),
    ASYNC_RETRY_JITTER("asyncRetryJitter",
            "share of its backoff step by which a lone throttled async event's retry is lengthened at"
                    + " random (a backlog of n is also spread over up to 1 - 1/n of the step)",
            Scale.LINEAR, 0.0, 1.0, 0.01, false,
            AwsBehaviour::asyncRetryJitter, (b, v) -> b.asyncRetryJitter(v));

    /** How the search spaces its points: linearly, or evenly in ratio for values spanning decades. */
    enum Scale { LINEAR, LOG }

    private static final MathContext SIGNIFICANT = new MathContext(3, RoundingMode.HALF_EVEN);

    private final String key;
    private final String meaning;
    private final Scale scale;
    private final double low;
    private final double high;
    private final double step;
    private final boolean duration;
    private final ToDoubleFunction<AwsBehaviour> getter;
    private final ObjDoubleConsumer<AwsBehaviourBuilder> setter;

    Parameter(String key, String meaning, Scale scale, double low, double high, double step, boolean duration,
              ToDoubleFunction<AwsBehaviour> getter, ObjDoubleConsumer<AwsBehaviourBuilder> setter) {
        this.key = key;
        this.meaning = meaning;
        this.scale = scale;
        this.low = low;
        this.high = high;
        this.step = step;
        this.duration = duration;
        this.getter = getter;
        this.setter = setter;
    }

    /** The field's name, which is its key in a profile file. */
    public String key() {
        return key;
    }

    /** What it means, in a phrase, for the profile's header. */
    public String meaning() {
        return meaning;
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    public boolean isDuration() {
        return duration;
    }

    /** The field's value in {@code aws} (seconds for a duration). */
    public double valueIn(AwsBehaviour aws) {
        return getter.applyAsDouble(aws);
    }

    /** Sets the field on a builder. */
    void set(AwsBehaviourBuilder builder, double value) {
        setter.accept(builder, value);
    }

    /** A point of the search's unit interval [0, 1] as a written value. */
    double fromUnit(double u) {
        double clamped = Math.max(0, Math.min(1, u));
        double value = scale == Scale.LOG
                ? Math.exp(Math.log(low) + clamped * (Math.log(high) - Math.log(low)))
                : low + clamped * (high - low);
        return rounded(value);
    }

    /** Where a value lies on the search's unit interval (outside [0, 1] when outside the range). */
    double toUnit(double value) {
        return scale == Scale.LOG
                ? (Math.log(Math.max(value, Double.MIN_NORMAL)) - Math.log(low)) / (Math.log(high) - Math.log(low))
                : (value - low) / (high - low);
    }

    /**
     * The value as written: a fixed step for a linear scale (1 ms, 0.01), three significant digits
     * for a log scale (a duration also in whole milliseconds), never outside the range.
     */
    double rounded(double value) {
        double within = Math.max(low, Math.min(high, value));
        double result = step > 0
                ? Math.round(within / step) * step
                : new BigDecimal(within).round(SIGNIFICANT).doubleValue();
        if (duration) {
            result = Math.round(result * 1_000) / 1_000.0;
        }
        return BigDecimal.valueOf(Math.max(low, Math.min(high, result))).stripTrailingZeros().doubleValue();
    }

    /** The value as a profile file writes it: an ISO-8601 duration or a plain number. */
    String yaml(double value) {
        return duration ? duration(value).toString() : plain(value);
    }

    /** The value as the printed fit shows it: seconds with their unit, or a plain number. */
    String display(double value) {
        return duration ? plain(value) + " s" : plain(value);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static Duration duration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1_000));
    }
}
