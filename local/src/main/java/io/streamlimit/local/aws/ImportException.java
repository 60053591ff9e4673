package io.streamlimit.local.aws;

/** An AWS run that cannot be imported as asked; the message names the option or output at fault. */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }
}
