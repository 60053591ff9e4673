package io.streamlimit.local.sqs;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, the SQS API, running in this JVM on loopback. */
public final class ElasticMqServer implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMqServer(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts on the given port, or a free one when {@code port} is 0. */
    public static ElasticMqServer start(int port) {
        var builder = SQSRestServerBuilder.withInterface("127.0.0.1");
        SQSRestServer server = port == 0 ? builder.withDynamicPort().start() : builder.withPort(port).start();
        int boundPort = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMqServer(server, boundPort);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
