package io.streamlimit.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.check.CheckHandler;
import io.streamlimit.check.CheckService;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.local.http.HttpApiServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the HTTP API (GET /check/{uid}, POST /acquire, /release, /events) through its Lambda
 * handler in process, plus a sample over real HTTP: random and mutated bodies and paths, sizes
 * up to and past the limits, bad UTF-8, deep nesting. No input gets a 5xx or lets an exception
 * escape; every answer is a JSON object; every 400 names the field at fault.
 */
class HttpApiFuzzIT {

    static {
        // The consumer logs every rejected message; thousands of lines only slow the test down.
        System.setProperty("org.slf4j.simpleLogger.log.io.streamlimit.consumer.ConsumerService", "error");
    }


    private static final int INPUTS = 12_000;
    private static final Set<Integer> EXPECTED = Set.of(200, 202, 400, 404, 405, 429);
    /** "field: problem", the field possibly indexed or nested: events[2].uid */
    private static final Pattern NAMES_A_FIELD = Pattern.compile("^[A-Za-z][A-Za-z0-9_.\\[\\]]*: .+", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger published = new AtomicInteger();
    private final CheckHandler handler = new CheckHandler(new CheckService(
            new Ledger(new InMemoryLedgerStore(), LedgerSettings.defaults(), Clock.systemUTC()),
            (List<StreamEvent> events) -> published.addAndGet(events.size())));

    @Test
    void fuzzed_requests_in_process_never_get_a_5xx_nor_an_escaped_exception() throws Exception {
        Fuzz fuzz = new Fuzz(20_261_123L);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < INPUTS; i++) {
            APIGatewayV2HTTPEvent request = request(fuzz, i);
            APIGatewayV2HTTPResponse response;
            try {
                response = handler.handleRequest(request, null);
            } catch (RuntimeException | Error e) {
                failures.add("input " + i + " " + describe(request) + " threw " + e);
                continue;
            }
            statuses.merge(response.getStatusCode(), 1, Integer::sum);
            String problem = problem(response);
            if (problem != null) {
                failures.add("input " + i + " " + describe(request) + ": " + problem);
            } else if (response.getStatusCode() == 202) {
                accepted += JSON.readTree(response.getBody()).get("accepted").asInt();
            }
        }
        System.out.println("HTTP API fuzz, in process: " + INPUTS + " inputs, statuses " + statuses);
        assertThat(failures).as("failures").isEmpty();
        assertThat(statuses.keySet()).as("every kind of answer was reached").containsAll(EXPECTED);
        assertThat(published.get()).as("events published for the 202s").isEqualTo(accepted);
    }

    @Test
    void a_sample_over_real_http_never_gets_a_5xx() throws Exception {
        Fuzz fuzz = new Fuzz(42);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (HttpApiServer server = HttpApiServer.start("fuzz-api", 0, 4, handler)) {
            List<HttpRequest> requests = new ArrayList<>();
            URI base = server.url();
            requests.add(post(base, "/events", Fuzz.padded(10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8)));
            requests.add(post(base, "/acquire", Fuzz.nesting(100_000, false).getBytes(StandardCharsets.UTF_8)));
            requests.add(post(base, "/events", Fuzz.nesting(100_000, true).getBytes(StandardCharsets.UTF_8)));
            requests.add(post(base, "/events", Fuzz.padded(262_145).getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < 250; i++) {
                String path = fuzz.pick(List.of("/acquire", "/release", "/events", "/check/"
                        + URLEncoder.encode(fuzz.text(20), StandardCharsets.UTF_8), "/check/%E2%82", "/check/%C0%AF", "/x/" + i));
                byte[] body = switch (fuzz.nextInt(4)) {
                    case 0 -> fuzz.badUtf8();
                    case 1 -> fuzz.mutate(fuzz.event("u" + i, "s" + i)).getBytes(StandardCharsets.UTF_8);
                    case 2 -> fuzz.object(3).getBytes(StandardCharsets.UTF_8);
                    default -> ("{\"uid\":\"u" + (i % 5) + "\",\"streamId\":\"s" + i + "\"}").getBytes(StandardCharsets.UTF_8);
                };
                requests.add(path.startsWith("/check") && fuzz.chance(0.7)
                        ? HttpRequest.newBuilder(URI.create(base + path)).GET().build()
                        : post(base, path, body));
            }
            for (HttpRequest request : requests) {
                HttpResponse<String> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    failures.add(request.method() + " " + request.uri() + " (" + request.bodyPublisher().map(b -> b.contentLength()).orElse(0L)
                            + " bytes): " + e);
                    continue;
                }
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    failures.add(request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + response.body());
                }
            }
            // Paths no URI class will build: straight onto a socket.
            for (String path : List.of("/check/%", "/check/%G1", "/check/%E2%8", "/acquire%", "/check/a b")) {
                int status = rawGet(server.port(), path);
                statuses.merge(status, 1, Integer::sum);
                if (status >= 500 || status < 100) {
                    failures.add("GET " + path + " -> " + status);
                }
            }
        }
        System.out.println("HTTP API fuzz, over HTTP: statuses " + statuses);
        // Past API Gateway's 10 MB the server answers 413 first and drops the rest of the body,
        // so a client still sending reads the answer instead of a reset connection.
        try (HttpApiServer server = HttpApiServer.start("fuzz-api", 0, 1, handler)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                HttpResponse<String> response = http.send(post(server.url(), "/events", new byte[10 * 1024 * 1024 + 1]),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(413);
                assertThat(response.body()).contains("request body is over 10485760 bytes");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(statuses).containsKeys(200, 400);
    }

    private static int rawGet(int port, String path) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static HttpRequest post(URI base, String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** What is wrong with an answer, or null. */
    private static String problem(APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        if (!EXPECTED.contains(status)) {
            return "status " + status + " " + response.getBody();
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.getBody());
        } catch (Exception e) {
            return "body is not JSON: " + response.getBody();
        }
        if (body == null || !body.isObject()) {
            return "body is not a JSON object: " + response.getBody();
        }
        if (status == 400 && !(body.path("error").isTextual() && NAMES_A_FIELD.matcher(body.get("error").asText()).matches())) {
            return "a 400 that names no field: " + response.getBody();
        }
        return null;
    }

    private static APIGatewayV2HTTPEvent request(Fuzz fuzz, int i) {
        String path = path(fuzz, i);
        String method = fuzz.chance(0.85) ? (path.startsWith("/check") ? "GET" : "POST")
                : fuzz.pick(java.util.Arrays.asList("GET", "POST", "PUT", "DELETE", "get", "post", "", null));
        String body = body(fuzz, i);
        boolean base64 = false;
        if (fuzz.chance(0.05)) {
            base64 = true;
            body = fuzz.chance(0.5) ? Base64.getEncoder().encodeToString(fuzz.badUtf8())
                    : fuzz.chance(0.5) ? "not base64 !!" : Base64.getEncoder().encodeToString(
                            (body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
        }
        String stage = fuzz.chance(0.1) ? "prod" : "$default";
        APIGatewayV2HTTPEvent.RequestContext context = fuzz.chance(0.03) ? null
                : APIGatewayV2HTTPEvent.RequestContext.builder().withStage(stage)
                        .withHttp(fuzz.chance(0.02) ? null
                                : APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey(fuzz.chance(0.1) ? method + " " + path : "$default")
                .withRawPath(fuzz.chance(0.01) ? null : stage.equals("prod") ? "/prod" + path : path)
                .withBody(body).withIsBase64Encoded(base64).withRequestContext(context)
                .withHeaders(Map.of("content-type", "application/json")).build();
    }

    private static String path(Fuzz fuzz, int i) {
        return switch (fuzz.nextInt(12)) {
            case 0, 1, 2 -> "/acquire";
            case 3 -> "/release";
            case 4, 5 -> "/events";
            case 6 -> "/check/" + fuzz.identifier();
            case 7 -> "/check/" + fuzz.pick(List.of("%", "%G1", "%E2%82", "%00", "%C0%AF", "a%2Fb", "%F0%9F%98%80", "x".repeat(5_000)));
            case 8 -> "/check/" + fuzz.text(30);
            case 9 -> fuzz.pick(List.of("/check", "/check/", "/", "", "/acquire/", "/ACQUIRE", "//acquire", "/check/a/b"));
            case 10 -> "/" + fuzz.text(40);
            default -> "/check/u" + (i % 7);
        };
    }

    private static String body(Fuzz fuzz, int i) {
        String good = "{\"uid\":\"u" + (i % 7) + "\",\"streamId\":\"s" + fuzz.nextInt(20) + "\"}";
        int roll = fuzz.nextInt(100);
        if (roll < 15) {
            return good;
        }
        if (roll < 25) {
            StringBuilder events = new StringBuilder("[");
            int n = fuzz.nextInt(13);
            for (int e = 0; e < n; e++) {
                events.append(e == 0 ? "" : ",").append(fuzz.event("u" + (i % 7), "e" + i + "-" + e));
            }
            return events.append(']').toString();
        }
        if (roll < 30) {
            return fuzz.event("u" + (i % 7), "e" + i);
        }
        if (roll < 55) {
            return fuzz.mutate(fuzz.chance(0.5) ? good : fuzz.event("u1", "s1"));
        }
        if (roll < 75) {
            return fuzz.object(4);
        }
        if (roll < 82) {
            return fuzz.json(4);
        }
        if (roll < 86) {
            return fuzz.text(200);
        }
        if (roll < 88) {
            return null;
        }
        if (roll < 90) {
            return "";
        }
        if (roll < 93) {
            // Around the limits: 16 KiB for /acquire, 256 KiB for /events.
            int size = fuzz.pick(List.of(16_383, 16_384, 16_385, 262_143, 262_144, 262_145, 300_000));
            return Fuzz.padded(size);
        }
        if (roll < 95) {
            return Fuzz.nesting(fuzz.chance(0.9) ? 100_000 : 33, fuzz.chance(0.5));
        }
        if (roll < 96 && fuzz.chance(0.2)) {
            return Fuzz.padded(10 * 1024 * 1024 + fuzz.nextInt(3) - 1); // HTTP API's 10 MB payload limit
        }
        if (roll < 98) {
            return new String(fuzz.badUtf8(), StandardCharsets.UTF_8); // as a server decodes bad bytes
        }
        return "{\"uid\":" + Fuzz.quote(fuzz.text(10)) + ",\"streamId\":" + fuzz.json(2) + "}";
    }

    private static String describe(APIGatewayV2HTTPEvent request) {
        String body = request.getBody() == null ? "null" : request.getBody().length() > 80
                ? request.getBody().substring(0, 80) + "...(" + request.getBody().length() + ")" : request.getBody();
        String method = request.getRequestContext() == null || request.getRequestContext().getHttp() == null ? "?"
                : request.getRequestContext().getHttp().getMethod();
        return method + " " + request.getRawPath() + " base64=" + request.getIsBase64Encoded() + " body=" + body;
    }
}
