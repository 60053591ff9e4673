package io.streamlimit.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The bench's HTTP client: a blocking {@link HttpURLConnection} GET with keep-alive, the same
 * client stack under the SDK's UrlConnectionHttpClient, so that the raw GetItem and the APIs are
 * measured through the same kind of client. (The JDK's java.net.http client added about 1 ms at
 * p50 and more at p99 per request here, hopping between its own threads.)
 */
final class PlainHttp {

    private static final int TIMEOUT_MILLIS = 10_000;

    record Response(int status, String body) {
    }

    private PlainHttp() {
    }

    static Response get(URI url, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        int status = connection.getResponseCode();
        // Reading the body to its end returns the connection to the keep-alive cache.
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Response(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
