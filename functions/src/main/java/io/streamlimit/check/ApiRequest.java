package io.streamlimit.check;

/**
 * An HTTP request to the check API, free of any transport: the Lambda handler and the local HTTP
 * server both build one.
 *
 * @param method HTTP method, e.g. {@code GET}
 * @param path the raw (still percent-encoded) path, e.g. {@code /check/player-42}
 * @param body the body as received, may be null
 * @param base64Encoded whether {@code body} is base64 (API Gateway encodes binary bodies)
 */
public record ApiRequest(String method, String path, String body, boolean base64Encoded) {

    public ApiRequest(String method, String path, String body) {
        this(method, path, body, false);
    }
}
