package io.streamlimit.local.sns;

/** A refused request, answered with SNS's error code and HTTP status (from the SNS API's error shapes). */
final class SnsError extends RuntimeException {

    private final int status;
    private final String code;

    private SnsError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static SnsError invalidParameter(String message) {
        return new SnsError(400, "InvalidParameter", "Invalid parameter: " + message);
    }

    static SnsError notFound(String message) {
        return new SnsError(404, "NotFound", message);
    }

    static SnsError of(String code, String message) {
        return new SnsError(400, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
