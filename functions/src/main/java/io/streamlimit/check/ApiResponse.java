package io.streamlimit.check;

/** An HTTP answer of the check API: a status and a JSON body. */
public record ApiResponse(int status, String body) {

    public static final String CONTENT_TYPE = "application/json";
}
