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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNS API (AWS query protocol) for the local topics: Publish and PublishBatch, so that the
 * producer's SDK v2 {@code SnsClient} runs unchanged with an endpoint override, and the read-only
 * calls of {@link SnsReadCalls}. Topics and subscriptions are set up in code, not through the API.
 * A FIFO topic takes MessageGroupId and MessageDeduplicationId on both calls, and answers each
 * accepted message's SequenceNumber.
 */
public final class LocalSnsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSnsServer.class);
    /** What the server answers; the README and the {@code up} banner list the same. */
    public static final List<String> ACTIONS = List.of("Publish", "PublishBatch", "ListTopics", "GetTopicAttributes",
            "ListSubscriptions", "ListSubscriptionsByTopic");
    /** SNS's limit on entries in one PublishBatch. */
    private static final int MAX_BATCH_ENTRIES = 10;
    /** SNS's limit on a message's size. */
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, LocalTopic> topics = new ConcurrentHashMap<>();
    private final SnsReadCalls reads = new SnsReadCalls(topics::get, () -> List.copyOf(topics.values()));

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
            int status = 200;
            String reply;
            try {
                reply = answer(parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            } catch (SnsError e) {
                status = e.status();
                reply = SnsXml.error(e);
            } catch (RuntimeException e) {
                LOG.warn("Local SNS failed to deliver", e);
                status = 500;
                reply = "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>"
                        + SnsXml.text(String.valueOf(e.getMessage())) + "</Message></Error></ErrorResponse>";
            }
            reply(exchange, status, reply);
        }
    }

    private String answer(Map<String, String> form) {
        String action = form.getOrDefault("Action", "");
        String read = reads.answer(action, form);
        if (read != null) {
            return read;
        }
        return switch (action) {
            case "Publish" -> publish(form);
            case "PublishBatch" -> publishBatch(form);
            default -> throw SnsError.of("InvalidAction", "The local SNS serves " + String.join(", ", ACTIONS)
                    + ", not '" + action + "'");
        };
    }

    /** Publish names its topic by TopicArn or, as the CLI's --target-arn does, by TargetArn. */
    private LocalTopic topic(Map<String, String> form) {
        String arn = form.getOrDefault("TopicArn", form.get("TargetArn"));
        if (arn == null || arn.isEmpty()) {
            throw SnsError.invalidParameter("TopicArn or TargetArn Reason: no value for required parameter");
        }
        LocalTopic topic = topics.get(arn);
        if (topic == null) {
            throw SnsError.notFound("Topic does not exist: " + arn);
        }
        return topic;
    }

    private String publish(Map<String, String> form) {
        LocalTopic topic = topic(form);
        String message = form.get("Message");
        String invalid = invalidMessage(message);
        if (invalid != null) {
            throw SnsError.invalidParameter(invalid);
        }
        SnsPublication publication = new SnsPublication(SnsMessage.parse(message, form.get("MessageStructure")),
                form.get("MessageGroupId"), form.get("MessageDeduplicationId"));
        Published published = topic.publishAll(List.of(publication)).get(0);
        return SnsXml.response("Publish", SnsXml.element("MessageId", published.messageId()) + sequenceNumber(published));
    }

    private String publishBatch(Map<String, String> form) {
        LocalTopic topic = topic(form);
        List<String> ids = new ArrayList<>();
        for (int i = 1; form.containsKey(entryKey(i, "Id")); i++) {
            ids.add(form.get(entryKey(i, "Id")));
        }
        if (ids.isEmpty()) {
            throw SnsError.of("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (ids.size() > MAX_BATCH_ENTRIES) {
            throw SnsError.of("TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible"
                    + " (at most " + MAX_BATCH_ENTRIES + ", got " + ids.size() + ").");
        }
        Set<String> distinct = new HashSet<>();
        for (String id : ids) {
            if (!distinct.add(id)) {
                throw SnsError.of("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id: " + id);
            }
        }
        StringBuilder failed = new StringBuilder();
        List<String> acceptedIds = new ArrayList<>();
        List<SnsPublication> accepted = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String message = form.get(entryKey(i + 1, "Message"));
            String invalid = invalidMessage(message);
            try {
                if (invalid != null) {
                    throw SnsError.invalidParameter(invalid);
                }
                accepted.add(new SnsPublication(SnsMessage.parse(message, form.get(entryKey(i + 1, "MessageStructure"))),
                        form.get(entryKey(i + 1, "MessageGroupId")), form.get(entryKey(i + 1, "MessageDeduplicationId"))));
                acceptedIds.add(ids.get(i));
            } catch (SnsError e) {
                failed.append("<member>").append(SnsXml.element("Id", ids.get(i))).append(SnsXml.element("Code", e.code()))
                        .append(SnsXml.element("Message", e.getMessage())).append("<SenderFault>true</SenderFault></member>");
            }
        }
        // A FIFO rule broken by any entry refuses the whole request, as SNS does.
        List<Published> published = accepted.isEmpty() ? List.of() : topic.publishAll(accepted);
        StringBuilder successful = new StringBuilder();
        for (int i = 0; i < published.size(); i++) {
            successful.append("<member>").append(SnsXml.element("Id", acceptedIds.get(i)))
                    .append(SnsXml.element("MessageId", published.get(i).messageId()))
                    .append(sequenceNumber(published.get(i))).append("</member>");
        }
        return SnsXml.response("PublishBatch", "<Successful>" + successful + "</Successful><Failed>" + failed + "</Failed>");
    }

    private static String sequenceNumber(Published published) {
        return published.sequenceNumber() == null ? "" : SnsXml.element("SequenceNumber", published.sequenceNumber());
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
