package io.streamlimit.local.sns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamlimit.local.http.LoopbackHttpServers;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNS API for {@code Publish} and {@code PublishBatch} (AWS query protocol), so that the
 * producer's SDK v2 {@code SnsClient} runs unchanged against local topics with an endpoint
 * override. Topics and subscriptions are set up in code, not through the API.
 */
public final class LocalSnsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSnsServer.class);
    private static final String XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";
    /** SNS's limit on entries in one PublishBatch. */
    private static final int MAX_BATCH_ENTRIES = 10;
    /** SNS's limit on a message's size. */
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, LocalTopic> topics = new ConcurrentHashMap<>();

    private LocalSnsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1 and the given port, or a free one when {@code port} is 0. */
    public static LocalSnsServer start(int port, int threads) throws IOException {
        HttpServer server = LoopbackHttpServers.create(port, 256);
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "local-sns");
            t.setDaemon(true);
            return t;
        });
        LocalSnsServer sns = new LocalSnsServer(server, executor);
        server.createContext("/", sns::handle);
        server.setExecutor(executor);
        server.start();
        return sns;
    }

    public void addTopic(LocalTopic topic) {
        topics.put(topic.arn(), topic);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String action = form.getOrDefault("Action", "");
            LocalTopic topic = topics.get(form.getOrDefault("TopicArn", ""));
            if (!action.equals("Publish") && !action.equals("PublishBatch")) {
                reply(exchange, 400, error("InvalidAction", "The local SNS serves Publish and PublishBatch, not '" + action + "'"));
            } else if (topic == null) {
                reply(exchange, 404, error("NotFound", "Topic does not exist: " + form.get("TopicArn")));
            } else if (action.equals("Publish")) {
                publish(exchange, topic, form);
            } else {
                publishBatch(exchange, topic, form);
            }
        } catch (RuntimeException e) {
            LOG.warn("Local SNS failed to deliver", e);
            reply(exchange, 500, error("InternalError", String.valueOf(e.getMessage())));
        }
    }

    private void publish(HttpExchange exchange, LocalTopic topic, Map<String, String> form) throws IOException {
        String message = form.get("Message");
        String invalid = invalidMessage(message);
        if (invalid != null) {
            reply(exchange, 400, error("InvalidParameter", invalid));
            return;
        }
        String id = topic.publish(List.of(message)).get(0);
        reply(exchange, 200, "<PublishResponse xmlns=\"" + XMLNS + "\"><PublishResult><MessageId>" + id
                + "</MessageId></PublishResult>" + metadata() + "</PublishResponse>");
    }

    private void publishBatch(HttpExchange exchange, LocalTopic topic, Map<String, String> form) throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int i = 1; form.containsKey(entryKey(i, "Id")); i++) {
            ids.add(form.get(entryKey(i, "Id")));
            messages.add(form.get(entryKey(i, "Message")));
        }
        if (ids.isEmpty() || ids.size() > MAX_BATCH_ENTRIES) {
            reply(exchange, 400, error(ids.isEmpty() ? "EmptyBatchRequest" : "TooManyEntriesInBatchRequest",
                    "PublishBatch takes 1 to 10 entries, got " + ids.size()));
            return;
        }
        StringBuilder failed = new StringBuilder();
        List<String> acceptedIds = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String invalid = invalidMessage(messages.get(i));
            if (invalid == null) {
                acceptedIds.add(ids.get(i));
                accepted.add(messages.get(i));
            } else {
                failed.append("<member><Id>").append(xml(ids.get(i))).append("</Id><Code>InvalidParameter</Code><Message>")
                        .append(xml(invalid)).append("</Message><SenderFault>true</SenderFault></member>");
            }
        }
        List<String> messageIds = accepted.isEmpty() ? List.of() : topic.publish(accepted);
        StringBuilder successful = new StringBuilder();
        for (int i = 0; i < messageIds.size(); i++) {
            successful.append("<member><Id>").append(xml(acceptedIds.get(i))).append("</Id><MessageId>")
                    .append(messageIds.get(i)).append("</MessageId></member>");
        }
        reply(exchange, 200, "<PublishBatchResponse xmlns=\"" + XMLNS + "\"><PublishBatchResult><Successful>" + successful
                + "</Successful><Failed>" + failed + "</Failed></PublishBatchResult>" + metadata() + "</PublishBatchResponse>");
    }

    private static String invalidMessage(String message) {
        if (message == null || message.isEmpty()) {
            return "Message: must not be empty";
        }
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;
        return bytes > MAX_MESSAGE_BYTES ? "Message: must be at most 262144 bytes, got " + bytes : null;
    }

    private static String entryKey(int index, String field) {
        return "PublishBatchRequestEntries.member." + index + "." + field;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>";
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + xml(message) + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
