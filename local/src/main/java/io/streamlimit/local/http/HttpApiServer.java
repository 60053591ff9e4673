package io.streamlimit.local.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamlimit.runtime.FunctionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API Gateway HTTP API (payload format 2.0, one {@code $default} route) in front of one
 * handler, on loopback: each request becomes an {@link APIGatewayV2HTTPEvent}, the handler's
 * {@link APIGatewayV2HTTPResponse} becomes the reply, as with a Lambda proxy integration.
 */
public final class HttpApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);
    /** Room for connections waiting on a busy pool; the OS default (50) drops bursts. */
    private static final int BACKLOG = 1024;
    /** API Gateway gives up on an HTTP API integration after 30 s. */
    private static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ExecutorService pool;
    private final String name;

    private HttpApiServer(HttpServer server, ExecutorService pool, String name) {
        this.server = server;
        this.pool = pool;
        this.name = name;
    }

    /**
     * Serves {@code handler} on 127.0.0.1:{@code port} (0 = a free port) with {@code threads}
     * requests at a time.
     *
     * @param name names the threads and the Lambda context's function, e.g. {@code "tracker"}
     * @throws UncheckedIOException if the port is taken
     */
    public static HttpApiServer start(String name, int port, int threads,
                                      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        HttpServer server;
        try {
            server = LoopbackHttpServers.create(port, BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + name + " on port " + port + ": " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads(name));
        server.setExecutor(pool);
        server.createContext("/", exchange -> serve(exchange, name, handler));
        server.start();
        return new HttpApiServer(server, pool, name);
    }

    private static void serve(HttpExchange exchange, String name,
                              RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) throws IOException {
        String requestId = UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent event;
        try {
            event = HttpApiEvents.toEvent(exchange, requestId);
        } catch (HttpApiEvents.BodyTooLargeException e) {
            RefusedBodies.refuse(exchange, e.getMessage()); // closes the exchange once the body is drained
            return;
        } catch (IOException | RuntimeException e) {
            exchange.close();
            throw e;
        }
        try (exchange) {
            APIGatewayV2HTTPResponse response;
            try {
                response = handler.handleRequest(event, new FunctionContext(requestId, name, "local", 128,
                        Instant.now().plus(INTEGRATION_TIMEOUT), Clock.systemUTC()));
            } catch (RuntimeException | Error e) {
                // API Gateway answers 500 when the integration fails; the handler should never let
                // bad input get this far, so it is logged as the bug it is.
                LOG.error("{} handler failed on {} {} (request {})", name, event.getRequestContext().getHttp().getMethod(),
                        event.getRawPath(), requestId, e);
                HttpApiEvents.writeError(exchange, 500, "Internal Server Error");
                return;
            }
            HttpApiEvents.writeResponse(exchange, response);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The port bound, useful when started on port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public String name() {
        return name;
    }

    /** Stops accepting, drops requests in flight and stops the threads. */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
