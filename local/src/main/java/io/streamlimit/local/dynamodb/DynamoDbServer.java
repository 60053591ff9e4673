package io.streamlimit.local.dynamodb;

import io.streamlimit.local.AwsClients;
import io.streamlimit.node.Dynalite;
import io.streamlimit.node.NodeService;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local DynamoDB: dynalite, a child process on loopback, so that other processes (more
 * tracker instances, the AWS CLI) can share it. In memory, or kept in a data directory. It is one
 * database whatever credentials and region a client signs with.
 */
public final class DynamoDbServer implements AutoCloseable {

    private final NodeService server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private DynamoDbServer(NodeService server) {
        this.server = server;
        this.endpoint = Dynalite.endpoint(server);
        this.client = AwsClients.dynamoDb(endpoint);
    }

    /**
     * Starts on {@code port}, or on a free port when it is 0; in memory when {@code dataDirOrNull}
     * is null, else on the tables kept in that directory (created if missing).
     *
     * @throws IllegalStateException if the port is taken, or Node.js or the Node packages are missing
     */
    public static DynamoDbServer start(int port, Path dataDirOrNull) {
        return new DynamoDbServer(Dynalite.start(port, dataDirOrNull));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client on this server; closed by {@link #close()}. */
    public DynamoDbClient client() {
        return client;
    }

    /** Stops the server process and waits until it has exited, so its port and data directory are free. */
    @Override
    public void close() {
        client.close();
        server.close();
    }
}
