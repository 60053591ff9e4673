package io.streamlimit.local.kinesis;

import io.streamlimit.local.AwsClients;
import io.streamlimit.node.NodeProject;
import io.streamlimit.node.NodeService;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The local Kinesis Data Streams: kinesis-local (npm, MIT, a Node.js build of kinesis-mock), a
 * child process on loopback started by {@code node/kinesis-server.js}. It speaks the real
 * Kinesis API, CBOR included, so the SDK v2 client and the AWS CLI need no special settings.
 * Streams live in memory and go with the process.
 */
public final class KinesisServer implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("kinesis-local listening on 127\\.0\\.0\\.1 port (?<port>\\d+)");

    private final NodeService server;
    private final URI endpoint;
    private final KinesisClient client;

    private KinesisServer(NodeService server) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + server.port());
        this.client = AwsClients.kinesis(endpoint);
    }

    /**
     * Starts on {@code port}, or on a free port when it is 0 (its HTTPS listener, which nothing
     * here uses, always takes a free port).
     *
     * @throws IllegalStateException if the port is taken, or Node.js or the Node packages are missing
     */
    public static KinesisServer start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        NodeProject project = NodeProject.installed();
        NodeService.Spec spec = NodeService.Spec.of("kinesis-local", project.file("kinesis-server.js"), READY)
                .withEnvironment(Map.of(
                        "KINESIS_MOCK_PLAIN_PORT", Integer.toString(port),
                        "KINESIS_MOCK_TLS_PORT", "0",
                        // A new stream is ACTIVE at once, as the stack and the tests expect (default 500 ms).
                        "CREATE_STREAM_DURATION", "0ms",
                        "DELETE_STREAM_DURATION", "0ms",
                        "LOG_LEVEL", "WARN"));
        return new KinesisServer(NodeService.start(project, spec));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client on this server; closed by {@link #close()}. */
    public KinesisClient client() {
        return client;
    }

    /** Stops the server process and waits until it has exited, so its port is free. */
    @Override
    public void close() {
        client.close();
        server.close();
    }
}
