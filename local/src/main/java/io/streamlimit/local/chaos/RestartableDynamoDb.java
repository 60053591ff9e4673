package io.streamlimit.local.chaos;

import io.streamlimit.local.AwsClients;
import io.streamlimit.local.dynamodb.DynamoDbServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local DynamoDB (dynalite) kept in a data directory, so that its process can be stopped and
 * started again on the same port with the same tables: an outage, not a loss. The client outlives
 * restarts and gives up quickly (two attempts) so that an outage surfaces as errors within a
 * second, as a Lambda with a short timeout would see it, instead of the SDK's retries hiding it.
 */
final class RestartableDynamoDb implements AutoCloseable {

    private final int port;
    private final Path dataDir;
    private final DynamoDbClient client;
    private DynamoDbServer server;

    RestartableDynamoDb(Path dataDir) {
        this.dataDir = dataDir;
        this.server = DynamoDbServer.start(0, dataDir);
        this.port = server.endpoint().getPort();
        URI endpoint = server.endpoint();
        this.client = AwsClients.local(DynamoDbClient.builder().overrideConfiguration(c -> c
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build())
                .apiCallAttemptTimeout(Duration.ofSeconds(5))
                .apiCallTimeout(Duration.ofSeconds(10))), endpoint);
    }

    DynamoDbClient client() {
        return client;
    }

    /**
     * Stops the server process (its port refuses connections), waits {@code down}, and starts it
     * again on the same port and data.
     */
    synchronized void restart(Duration down) throws InterruptedException {
        server.close();
        Thread.sleep(down.toMillis());
        server = DynamoDbServer.start(port, dataDir);
    }

    @Override
    public synchronized void close() {
        client.close();
        server.close();
    }
}
