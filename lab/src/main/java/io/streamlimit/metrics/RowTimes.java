package io.streamlimit.metrics;

import io.streamlimit.results.InvocationRow;
import java.time.Instant;

/**
 * A row's instants as epoch milliseconds. Modes fill the columns unevenly (an AWS row may lack
 * {@code completed_at}), so each time falls back to the nearest one the row has.
 */
final class RowTimes {

    static final long NONE = Long.MIN_VALUE;

    private RowTimes() {
    }

    static long sent(InvocationRow row) {
        return first(row.sentAt(), row.startedAt(), row.completedAt());
    }

    static long started(InvocationRow row) {
        return first(row.startedAt(), row.completedAt(), row.sentAt());
    }

    static long completed(InvocationRow row) {
        return first(row.completedAt(), row.startedAt(), row.sentAt());
    }

    static long millis(Instant instant) {
        return instant == null ? NONE : instant.toEpochMilli();
    }

    static long secondOf(long epochMillis) {
        return Math.floorDiv(epochMillis, 1000L);
    }

    private static long first(Instant a, Instant b, Instant c) {
        return a != null ? millis(a) : b != null ? millis(b) : millis(c);
    }
}
