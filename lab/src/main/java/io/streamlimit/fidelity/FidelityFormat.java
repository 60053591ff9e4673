package io.streamlimit.fidelity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers of a fidelity report as printed, the same in the table and in JSON. */
final class FidelityFormat {

    /** Decimals of an error in percent. */
    static final int ERROR_PLACES = 1;

    private FidelityFormat() {
    }

    /** Plain notation with exactly {@code places} decimals. */
    static String fixed(double value, int places) {
        return decimal(value, places).toPlainString();
    }

    /** Like {@link #fixed}, or "-" when there is no value. */
    static String fixedOrDash(Double value, int places) {
        return value == null ? "-" : fixed(value, places);
    }

    /** The value rounded as printed, for JSON. */
    static BigDecimal decimal(double value, int places) {
        // valueOf goes through the shortest decimal string, so 115.525 rounds as written.
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }

    /** An error with its sign, "+12.3" or "-4.0". */
    static String signed(double percent) {
        String text = fixed(percent, ERROR_PLACES);
        return text.startsWith("-") ? text : "+" + text;
    }
}
