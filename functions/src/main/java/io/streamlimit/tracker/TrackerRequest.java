package io.streamlimit.tracker;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** What the tracker reads from an HTTP API event; absent parts become null, never an exception. */
public record TrackerRequest(String method, String path, String token) {

    private static final String BEARER = "bearer ";

    static TrackerRequest of(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext.Http http =
                event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http == null || http.getMethod() == null ? "GET" : http.getMethod();
        String path = event.getRawPath() != null ? event.getRawPath() : http == null ? null : http.getPath();
        return new TrackerRequest(method, path == null || path.isEmpty() ? "/" : path, token(event.getHeaders()));
    }

    /** A REST API's proxy event: the path without stage or query string, headers as the caller sent them. */
    static TrackerRequest of(APIGatewayProxyRequestEvent event) {
        String method = event.getHttpMethod() == null ? "GET" : event.getHttpMethod();
        String path = event.getPath();
        return new TrackerRequest(method, path == null || path.isEmpty() ? "/" : path, token(event.getHeaders()));
    }

    /** HTTP API lower-cases header names; a {@code Bearer } prefix is tolerated. */
    private static String token(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        String value = headers.get("authorization");
        if (value == null) {
            // Lambda always lower-cases; hand-built events may not.
            value = headers.entrySet().stream()
                    .filter(e -> "authorization".equalsIgnoreCase(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? trimmed.substring(BEARER.length()) : trimmed;
    }
}
