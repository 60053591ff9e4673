package io.streamlimit.local.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.streamlimit.local.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local serving HTTP in this JVM on loopback, so that other processes (more tracker
 * instances, the AWS CLI) can share it. In memory, or kept in a data directory.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    /** Where DynamoDB Local keeps its Jetty server; see {@link #loopbackConnector}. */
    private static final String JETTY_FIELD = "server";
    private static final int FREE_PORT_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = AwsClients.dynamoDb(endpoint);
    }

    /**
     * Starts on {@code port}, or on a free port when it is 0; in memory when {@code dataDirOrNull}
     * is null, else on the tables kept in that directory (created if missing).
     *
     * @throws IllegalStateException if the port is taken
     */
    public static DynamoDbLocalServer start(int port, Path dataDirOrNull) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        if (port != 0) {
            return startOn(port, dataDirOrNull);
        }
        // DynamoDB Local's arguments refuse port 0 (and it prints the port it was given), so pick
        // a free one; another process may take it before we bind, hence the few attempts.
        IllegalStateException last = null;
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            try {
                return startOn(freePort(), dataDirOrNull);
            } catch (PortInUseException e) {
                last = e;
            }
        }
        throw last;
    }

    private static DynamoDbLocalServer startOn(int port, Path dataDirOrNull) {
        String[] args = args(port, dataDirOrNull);
        DynamoDBProxyServer server;
        try {
            server = ServerRunner.createServerFromCommandLineArgs(args);
        } catch (Exception e) {
            // It prints why on standard error and throws a bare "CLI was not initialized".
            throw new IllegalStateException("DynamoDB Local refused " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
        ServerConnector connector = loopbackConnector(server);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start DynamoDB Local on port " + port + ": " + e.getMessage(), e);
        }
        // DynamoDB Local prints a bind failure and carries on unbound: the connector tells the truth.
        if (connector.getLocalPort() <= 0) {
            stopQuietly(server);
            throw new PortInUseException(port);
        }
        return new DynamoDbLocalServer(server, port);
    }

    private static final class PortInUseException extends IllegalStateException {
        PortInUseException(int port) {
            super("cannot start DynamoDB Local: port " + port + " is in use");
        }
    }

    private static String[] args(int port, Path dataDirOrNull) {
        // -sharedDb: one database whatever credentials and region a client signs with, so a
        // process using other credentials still sees the same tables.
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (dataDirOrNull == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dataDirOrNull);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create DynamoDB data directory " + dataDirOrNull, e);
            }
            args.addAll(List.of("-dbPath", dataDirOrNull.toAbsolutePath().toString()));
        }
        return args.toArray(String[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /**
     * DynamoDB Local binds every interface and hides a failure to bind, so reach its Jetty
     * connector (a private field, pinned by the DynamoDBLocal version the build uses) to bind
     * loopback only and to see whether it bound. The tests fail if a new version renames it.
     */
    private static ServerConnector loopbackConnector(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField(JETTY_FIELD);
            field.setAccessible(true);
            ServerConnector connector = (ServerConnector) ((Server) field.get(proxy)).getConnectors()[0];
            connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
            return connector;
        } catch (ReflectiveOperationException | ClassCastException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("this DynamoDBLocal version no longer exposes its Jetty server as expected", e);
        }
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // Already failing to start: the start error is the one worth reporting.
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client on this server; closed by {@link #close()}. */
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop DynamoDB Local at " + endpoint, e);
        }
    }
}
