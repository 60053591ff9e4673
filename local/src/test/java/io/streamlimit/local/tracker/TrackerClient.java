package io.streamlimit.local.tracker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP client for the tracker, as curl would use it. */
final class TrackerClient {

    private static final Pattern TOKEN = Pattern.compile("\\{\"token\":\"([0-9a-f-]{36})\"}");
    private static final Pattern COUNT = Pattern.compile("\\{\"count\":(\\d+)}");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> get(URI base, String pathAndQuery, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String auth(URI base) throws IOException, InterruptedException {
        return match(TOKEN, get(base, "/auth", null));
    }

    long count(URI base, String pathAndQuery, String token) throws IOException, InterruptedException {
        return Long.parseLong(match(COUNT, get(base, pathAndQuery, token)));
    }

    private static String match(Pattern pattern, HttpResponse<String> response) {
        Matcher m = pattern.matcher(response.body());
        if (response.statusCode() != 200 || !m.matches()) {
            throw new AssertionError("unexpected answer " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }
}
