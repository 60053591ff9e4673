package io.streamlimit.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as people read them in a report: UTC, to the millisecond, never to the nanosecond. */
final class Times {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** For example "2026-12-06 22:51:21.123 UTC"; "-" when not recorded. */
    static String millis(Instant instant) {
        return instant == null ? "-" : MILLIS.format(instant);
    }
}
