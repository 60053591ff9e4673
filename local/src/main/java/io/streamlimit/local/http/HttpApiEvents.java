package io.streamlimit.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts between an HTTP exchange and the HTTP API payload 2.0 event and response. */
final class HttpApiEvents {

    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTE = "$default";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private HttpApiEvents() {
    }

    static final class BodyTooLargeException extends Exception {
        BodyTooLargeException() {
            super("request body is over " + MAX_BODY_BYTES + " bytes");
        }
    }

    static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, String requestId) throws IOException, BodyTooLargeException {
        String rawPath = exchange.getRequestURI().getRawPath();
        if (rawPath == null || rawPath.isEmpty()) {
            rawPath = "/";
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                // Payload 2.0 moves cookies out of the headers into their own list.
                values.forEach(v -> splitCookies(v, cookies));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        String body = readBody(exchange);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String host = headers.getOrDefault("host", "127.0.0.1");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(ROUTE)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(rawQuery))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName(host)
                        .withDomainPrefix(host.split("[.:]")[0])
                        .withRequestId(requestId)
                        .withRouteKey(ROUTE)
                        .withStage(ROUTE)
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toInstant().toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod())
                                .withPath(rawPath)
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .build())
                .build();
    }

    private static void splitCookies(String header, List<String> cookies) {
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) {
                cookies.add(cookie.strip());
            }
        }
    }

    /** Decoded parameters, repeated names joined with commas as API Gateway does; null when none. */
    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** A malformed escape is passed on as sent rather than failing the request. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** The body as UTF-8 text, or null when empty; refuses more than {@link #MAX_BODY_BYTES}. */
    private static String readBody(HttpExchange exchange) throws IOException, BodyTooLargeException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLength(length) > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        InputStream in = exchange.getRequestBody();
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException(); // a chunked body with no length up front
        }
        in.close();
        return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the JDK server has already rejected a malformed length
        }
    }

    static void writeResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode(); // 0: the handler set none
        if (status < 100 || status > 599) {
            writeError(exchange, 500, "Internal Server Error");
            return;
        }
        var out = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(out::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> out.add(name, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(c -> out.add("Set-Cookie", c));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (body.length > 0 && !out.containsKey("Content-Type")) {
            out.set("Content-Type", "application/json");
        }
        send(exchange, status, body);
    }

    static void writeError(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, errorJson(message));
    }

    static byte[] errorJson(String message) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod()) || status == 204 || status == 304;
        // -1 tells the JDK server there is no body; 0 would mean chunked.
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }
}
