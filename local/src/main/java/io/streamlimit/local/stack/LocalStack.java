package io.streamlimit.local.stack;

import io.streamlimit.local.AwsClients;
import io.streamlimit.local.dynamodb.DynamoDbServer;
import io.streamlimit.local.kinesis.KinesisServer;
import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.local.sns.LocalSnsServer;
import io.streamlimit.local.sqs.ElasticMqServer;
import io.streamlimit.results.ResultsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local services, started together on loopback: dynalite (DynamoDB, a Node.js child
 * process), ElasticMQ (SQS), the local SNS and PostgreSQL for the results, and, when the options
 * ask for shards, kinesis-local (Kinesis Data Streams, a Node.js child process) with the stream
 * {@value #STREAM_NAME}. The SDK v2 clients point at them by endpoint override, so the handlers run unchanged.
 */
public final class LocalStack implements AutoCloseable {

    /** The Kinesis stream of the {@code api-kinesis-lambda} pipeline. */
    public static final String STREAM_NAME = "streamlimit-events";

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final DynamoDbServer dynamoDbServer;
    private final ElasticMqServer sqsServer;
    private final LocalSnsServer snsServer;
    private final ResultsDatabase resultsDatabase;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final ResultsStore results;
    private final KinesisServer kinesisServer;

    private LocalStack(LocalStackOptions options) throws IOException {
        // The services start side by side: each spends seconds loading its own classes.
        ExecutorService starter = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<DynamoDbServer> dynamo = CompletableFuture.supplyAsync(
                    () -> DynamoDbServer.start(options.dynamoDbPort(), options.dynamoDbData()), starter);
            CompletableFuture<ElasticMqServer> elasticMq = CompletableFuture.supplyAsync(() -> ElasticMqServer.start(options.sqsPort()), starter);
            CompletableFuture<ResultsDatabase> postgres = CompletableFuture.supplyAsync(() -> options.resultsJdbc() != null
                    ? ResultsDatabase.external(options.resultsJdbc())
                    : ResultsDatabase.embedded(options.resultsDir(), options.resultsPort()), starter);
            CompletableFuture<KinesisServer> kinesis = options.kinesisShards() == 0 ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(() -> KinesisServer.start(options.kinesisPort()), starter);
            List<CompletableFuture<? extends AutoCloseable>> starting = List.of(dynamo, elasticMq, postgres, kinesis);
            // Track every service that did start before reporting one that did not, so none is left running.
            starting.forEach(f -> f.handle((service, error) -> error == null && service != null ? track(service) : null).join());
            dynamoDbServer = join(dynamo);
            sqsServer = join(elasticMq);
            resultsDatabase = join(postgres);
            kinesisServer = join(kinesis);
            if (kinesisServer != null) {
                kinesisServer.client().createStream(b -> b.streamName(STREAM_NAME).shardCount(options.kinesisShards()));
            }
            snsServer = track(LocalSnsServer.start(0, 16));
            dynamoDb = dynamoDbServer.client();
            sqs = track(AwsClients.sqs(sqsServer.endpoint()));
            sns = track(AwsClients.sns(snsServer.endpoint()));
            results = new ResultsStore(resultsDatabase.dataSource());
            results.createSchema();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        } finally {
            starter.shutdown();
        }
    }

    public static LocalStack start(LocalStackOptions options) {
        try {
            return new LocalStack(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private synchronized <T extends AutoCloseable> T track(T resource) {
        toClose.push(resource);
        return resource;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public SnsClient sns() {
        return sns;
    }

    public LocalSnsServer snsServer() {
        return snsServer;
    }

    public ResultsStore results() {
        return results;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbServer.endpoint();
    }

    public URI sqsEndpoint() {
        return sqsServer.endpoint();
    }

    /** The local Kinesis's client; null when the stack runs without Kinesis. */
    public KinesisClient kinesis() {
        return kinesisServer == null ? null : kinesisServer.client();
    }

    /** The local Kinesis's endpoint; null when the stack runs without Kinesis. */
    public URI kinesisEndpoint() {
        return kinesisServer == null ? null : kinesisServer.endpoint();
    }

    public ResultsDatabase resultsDatabase() {
        return resultsDatabase;
    }

    @Override
    public void close() {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                // Closing the rest matters more than reporting one failure on the way out.
            }
        }
    }
}
