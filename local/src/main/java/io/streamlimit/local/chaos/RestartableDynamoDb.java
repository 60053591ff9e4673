package io.streamlimit.local.chaos;

import io.streamlimit.local.AwsClients;
import io.streamlimit.local.dynamodb.DynamoDbLocalServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local over HTTP, kept in a data directory so that it can be stopped and started again
 * on the same port with the same tables: an outage, not a loss. The client outlives restarts and
 * gives up quickly (two attempts) so that an outage surfaces as errors within a second, as a
 * Lambda with a short timeout would see it, instead of the SDK's retries hiding it.
 */
final class RestartableDynamoDb implements AutoCloseable {

    private final int port;
    private final Path dataDir;
    private final DynamoDbClient client;
    private DynamoDbLocalServer server;

    RestartableDynamoDb(Path dataDir) {
        this.dataDir = dataDir;
        this.port = freePort();
        this.server = startQuietly(port, dataDir);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = AwsClients.local(DynamoDbClient.builder().overrideConfiguration(c -> c
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build())
                .apiCallAttemptTimeout(Duration.ofSeconds(5))
                .apiCallTimeout(Duration.ofSeconds(10))), endpoint);
    }

    DynamoDbClient client() {
        return client;
    }

    /** Stops the server, waits {@code down}, and starts it again on the same port and data. */
    synchronized void restart(Duration down) throws InterruptedException {
        server.close();
        Thread.sleep(down.toMillis());
        server = startQuietly(port, dataDir);
    }

    private static DynamoDbLocalServer startQuietly(int port, Path dataDir) {
        // DynamoDB Local prints a banner on standard output, which belongs to the CLI's report.
        synchronized (System.class) {
            PrintStream stdout = System.out;
            System.setOut(System.err);
            try {
                return DynamoDbLocalServer.start(port, dataDir);
            } finally {
                System.setOut(stdout);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        client.close();
        server.close();
    }
}
