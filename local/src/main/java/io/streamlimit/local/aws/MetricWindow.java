package io.streamlimit.local.aws;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The time span and granularity of the metrics pulled for one run.
 *
 * @param periodSeconds 60 or a multiple of it for AWS's own metrics (Lambda and SQS publish
 *     one-minute data); 1, 5, 10 or 30 only reach high-resolution metrics
 */
public record MetricWindow(Instant from, Instant to, int periodSeconds) {

    private static final Set<Integer> HIGH_RESOLUTION = Set.of(1, 5, 10, 30);

    public MetricWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new ImportException("--to: must be after --from (" + from + "), got " + to);
        }
        checkPeriod(periodSeconds);
    }

    /** @throws ImportException naming --period unless CloudWatch offers this period */
    public static void checkPeriod(int periodSeconds) {
        if (!(HIGH_RESOLUTION.contains(periodSeconds) || (periodSeconds > 0 && periodSeconds % 60 == 0))) {
            throw new ImportException("--period: must be 1, 5, 10, 30 or a multiple of 60 seconds, got " + periodSeconds);
        }
    }
}
