package io.streamlimit.event;

/**
 * An event (or an HTTP request body) that cannot be accepted. The message always starts with the
 * field at fault, then says what is wrong, e.g. {@code uid: must be 1 to 128 characters ...}.
 */
public class InvalidEventException extends RuntimeException {

    private final String field;

    public InvalidEventException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The field at fault ({@code body} when the input as a whole is unusable). */
    public String field() {
        return field;
    }

    /** The same problem reported for a field inside an enclosing one, e.g. {@code events[2].uid}. */
    public InvalidEventException within(String prefix) {
        String problem = getMessage().substring(field.length() + 2);
        return new InvalidEventException(prefix + "." + field, problem);
    }
}
