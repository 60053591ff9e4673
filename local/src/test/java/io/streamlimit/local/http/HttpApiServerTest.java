package io.streamlimit.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpApiServerTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicReference<APIGatewayV2HTTPEvent> seen = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI serve(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        server = HttpApiServer.start("test", 0, 4, (event, context) -> {
            calls.incrementAndGet();
            seen.set(event);
            return handler.handleRequest(event, context);
        });
        return server.url();
    }

    private static APIGatewayV2HTTPResponse ok(String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody(body).build();
    }

    @Test
    void a_request_becomes_a_payload_2_0_event() throws Exception {
        URI url = serve((event, context) -> ok("{}"));

        http.send(HttpRequest.newBuilder(url.resolve("/a/b%20c?x=1&x=2&y=%2F"))
                .header("X-Custom", "v").header("Authorization", "tok").header("Cookie", "a=1; b=2")
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        APIGatewayV2HTTPEvent event = seen.get();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("$default");
        assertThat(event.getRawPath()).isEqualTo("/a/b%20c");
        assertThat(event.getRawQueryString()).isEqualTo("x=1&x=2&y=%2F");
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("x", "1,2", "y", "/"));
        assertThat(event.getHeaders()).containsEntry("x-custom", "v").containsEntry("authorization", "tok")
                .doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo("/a/b%20c");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo("$default");
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
    }

    @Test
    void a_body_reaches_the_handler_as_text() throws Exception {
        URI url = serve((event, context) -> ok("{}"));

        http.send(HttpRequest.newBuilder(url.resolve("/events")).POST(HttpRequest.BodyPublishers.ofString("{\"uid\":\"é\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(seen.get().getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(seen.get().getBody()).isEqualTo("{\"uid\":\"é\"}");
        assertThat(seen.get().getRawQueryString()).isEmpty();
        assertThat(seen.get().getQueryStringParameters()).isNull();
    }

    @Test
    void the_handler_response_is_written_back() throws Exception {
        URI url = serve((event, context) -> APIGatewayV2HTTPResponse.builder()
                .withStatusCode(429)
                .withHeaders(Map.of("Content-Type", "application/json", "X-One", "1"))
                .withMultiValueHeaders(Map.of("X-Many", List.of("a", "b")))
                .withCookies(List.of("session=s1"))
                .withBody("{\"allowed\":false}")
                .build());

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/acquire")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo("{\"allowed\":false}");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-one")).hasValue("1");
        assertThat(response.headers().allValues("x-many")).containsExactly("a", "b");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=s1");
    }

    @Test
    void a_base64_response_body_is_decoded() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 255};
        URI url = serve((event, context) -> APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                .withBody(Base64.getEncoder().encodeToString(bytes)).withIsBase64Encoded(true).build());

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.body()).containsExactly(bytes);
    }

    @Test
    void a_response_with_no_body_and_204_have_no_body() throws Exception {
        URI url = serve((event, context) -> APIGatewayV2HTTPResponse.builder().withStatusCode(204).build());

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void an_exception_escaping_the_handler_is_a_500_with_a_json_error() throws Exception {
        URI url = serve((event, context) -> {
            throw new IllegalStateException("bug");
        });

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"Internal Server Error\"}");
    }

    @Test
    void a_body_over_10_mb_by_content_length_is_413_and_never_reaches_the_handler() throws Exception {
        URI url = serve((event, context) -> ok("{}"));
        String response = rawRequest(url, "POST /events HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
                + (HttpApiEvents.MAX_BODY_BYTES + 1) + "\r\n\r\n", new byte[0]);

        assertThat(response).startsWith("HTTP/1.1 413").contains("{\"error\":\"request body is over 10485760 bytes\"}");
        assertThat(calls).hasValue(0);
    }

    @Test
    void clients_that_announce_a_huge_body_and_send_nothing_get_413_and_never_hold_the_request_threads() throws Exception {
        URI url = serve((event, context) -> ok("{}"));
        List<Socket> silent = new java.util.ArrayList<>();
        try {
            // More of them than the server has request threads (4).
            for (int i = 0; i < 6; i++) {
                Socket socket = new Socket(url.getHost(), url.getPort());
                socket.setSoTimeout(10_000);
                silent.add(socket);
                socket.getOutputStream().write(("POST /events HTTP/1.1\r\nHost: x\r\nContent-Length: 20000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponse(socket.getInputStream())).as("silent client %d", i).startsWith("HTTP/1.1 413")
                        .contains("request body is over 10485760 bytes");
            }

            String answer = rawRequest(url, "GET /check/p1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", new byte[0]);

            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(calls).hasValue(1);
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    @Test
    void a_chunked_body_over_10_mb_is_413() throws Exception {
        URI url = serve((event, context) -> ok("{}"));
        int size = HttpApiEvents.MAX_BODY_BYTES + 1;
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.write(new byte[size]);
        chunked.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String response = rawRequest(url, "POST /events HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n", chunked.toByteArray());

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(calls).hasValue(0);
    }

    @Test
    void a_body_of_exactly_10_mb_is_accepted() throws Exception {
        URI url = serve((event, context) -> ok("{}"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpApiEvents.MAX_BODY_BYTES])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(seen.get().getBody()).hasSize(HttpApiEvents.MAX_BODY_BYTES);
    }

    @Test
    void port_0_binds_a_free_port_and_a_taken_port_is_refused() {
        URI url = serve((event, context) -> ok("{}"));
        assertThat(server.port()).isPositive();
        assertThat(url).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));

        assertThatThrownBy(() -> HttpApiServer.start("again", server.port(), 1, (event, context) -> ok("{}")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(Integer.toString(server.port()));
    }

    @Test
    void close_stops_serving() {
        URI url = serve((event, context) -> ok("{}"));
        server.close();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
        server = null;
    }

    /**
     * For what HttpClient will not send: a lying Content-Length, a hand-made chunk. Reads one
     * response and hangs up, as a client would; the server may still be waiting for the body.
     */
    private static String rawRequest(URI url, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** One response: the head, then as many body bytes as its Content-Length says. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder response = new StringBuilder();
        while (!response.toString().contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return response.toString();
            }
            response.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(response);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return response + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }
}
