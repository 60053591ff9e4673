package io.streamlimit.event;

/** The rule for {@code uid} and {@code streamId} in events and the HTTP API: 1 to 128 of A-Z a-z 0-9 . _ : @ -. */
public final class Identifiers {

    public static final int MAX_LENGTH = 128;
    static final String RULE = "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -";

    private Identifiers() {
    }

    /**
     * Returns {@code value} if it is a valid identifier.
     *
     * @throws InvalidEventException naming {@code field} and the first problem found
     */
    public static String require(String field, String value) {
        if (value == null) {
            throw new InvalidEventException(field, "missing; " + RULE);
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidEventException(field, RULE + ", got " + value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!allowed(c)) {
                throw new InvalidEventException(field,
                        RULE + ", got " + describe(c) + " at position " + (i + 1));
            }
        }
        return value;
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '@' || c == '-';
    }

    /** Names a character so that spaces and control characters stay visible in a message. */
    static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c < 0x20 || c > 0x7e) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
