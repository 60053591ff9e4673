package io.streamlimit.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers 413 to a request body over the limit, then reads and drops what the client still
 * sends before closing. Closed with unread data, the socket would be reset, and a client still
 * sending would lose the answer with it.
 *
 * <p>The draining runs on threads of its own, so that a client that never sends what it
 * announced holds one of them until it hangs up, never a request thread. (Closing the exchange
 * from any thread drains first, so there is no way to cut such a client off sooner.)
 */
final class RefusedBodies {

    /** How much of a refused body is read and dropped before the connection is closed anyway. */
    static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "http-refused-body-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private RefusedBodies() {
    }

    /** Answers 413 with {@code message}; takes the exchange over and closes it when drained. */
    static void refuse(HttpExchange exchange, String message) throws IOException {
        byte[] body = HttpApiEvents.errorJson(message);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(413, body.length);
        // Written and flushed, not closed: closing the answer ends the exchange, and the JDK
        // server would close the connection with the body unread.
        OutputStream answer = exchange.getResponseBody();
        answer.write(body);
        answer.flush();
        DRAINERS.execute(() -> drainAndClose(exchange));
    }

    private static void drainAndClose(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] sink = new byte[64 * 1024];
            long drained = 0;
            for (int n = in.read(sink); n >= 0 && drained < MAX_DRAINED_BYTES; n = in.read(sink)) {
                drained += n;
            }
        } catch (IOException gone) {
            // The client went away: nothing left to protect.
        } finally {
            exchange.close();
        }
    }
}
