package io.streamlimit.settings;

import io.streamlimit.check.CheckService;
import io.streamlimit.consumer.ConsumerEnvironment;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.DeadLetters;
import io.streamlimit.consumer.SqsDeadLetters;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.GatedConsumer;
import io.streamlimit.consumer.LazyResultsConnection;
import io.streamlimit.consumer.LedgerWriters;
import io.streamlimit.consumer.ResultsConnection;
import io.streamlimit.consumer.ResultsTableDownstream;
import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.producer.EventPublisher;
import io.streamlimit.producer.ProducerService;
import io.streamlimit.producer.SnsEventPublisher;
import io.streamlimit.tracker.DynamoDbTrackerStore;
import io.streamlimit.tracker.TrackerItemExpiry;
import io.streamlimit.tracker.TrackerService;
import io.streamlimit.tracker.TrackerSettings;
import java.time.Clock;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The composition root of the Lambda functions: real clients and services from {@link Settings}. */
public final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
    }

    public static Ledger ledger(Settings settings) {
        return new Ledger(new DynamoDbLedgerStore(AwsClients.dynamoDb(settings), settings.tableName()),
                settings.ledger(), Clock.systemUTC());
    }

    /**
     * The consumer: its ledger client now (init, warmed by provisioned concurrency), its results
     * database on the first batch, so a missing or malformed secret fails batches, not the init.
     */
    public static GatedConsumer consumer(Settings settings) {
        return consumer(settings, ledger(settings), secretReader(settings));
    }

    /**
     * The consumer as one Lambda environment serves with it: new SDK clients (DynamoDB, and SQS
     * for the DLQ), a new id, and what closes those clients. SnapStart's restore hook calls this
     * again ({@code SnapshotHooks}), so a restored environment shares no client, credential or id
     * with the snapshot.
     */
    public static ConsumerEnvironment consumerEnvironment(Settings settings) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings);
        SqsClient sqs = settings.deadLetterQueueUrl() == null ? null : AwsClients.sqs(settings);
        Ledger ledger = new Ledger(new DynamoDbLedgerStore(dynamoDb, settings.tableName()), settings.ledger(),
                Clock.systemUTC());
        GatedConsumer consumer = consumer(settings, ledger, secretReader(settings), deadLetters(settings, sqs));
        return new ConsumerEnvironment(consumer, UUID.randomUUID().toString(), () -> {
            dynamoDb.close();
            if (sqs != null) {
                sqs.close();
            }
        });
    }

    /** @param readSecret a secret's name to its {@code SecretString}; called on the first batch, not here */
    static GatedConsumer consumer(Settings settings, Ledger ledger, UnaryOperator<String> readSecret) {
        return consumer(settings, ledger, readSecret, deadLetters(settings));
    }

    private static GatedConsumer consumer(Settings settings, Ledger ledger, UnaryOperator<String> readSecret,
            DeadLetters deadLetters) {
        LazyResultsConnection results = results(settings, readSecret);
        if (results == null) {
            return GatedConsumer.of(new ConsumerService(new EventParser(), ledger, Downstream.NONE, writers(),
                    deadLetters));
        }
        Downstream downstream = new ResultsTableDownstream(results, settings.resultsGroupId(),
                settings.downstreamCallDuration(), Clock.systemUTC());
        return new GatedConsumer(new ConsumerService(new EventParser(), ledger, downstream, writers(), deadLetters),
                results::get);
    }

    /** The DLQ the consumer moves unparseable messages to, when DEAD_LETTER_QUEUE_URL names one. */
    static DeadLetters deadLetters(Settings settings) {
        return settings.deadLetterQueueUrl() == null ? DeadLetters.NONE
                : new SqsDeadLetters(AwsClients.sqs(settings), settings.deadLetterQueueUrl());
    }

    private static DeadLetters deadLetters(Settings settings, SqsClient sqs) {
        return sqs == null ? DeadLetters.NONE : new SqsDeadLetters(sqs, settings.deadLetterQueueUrl());
    }

    /** One Lambda environment runs one batch at a time: its uids are applied on a pool of its own. */
    private static LedgerWriters writers() {
        return new LedgerWriters(LedgerWriters.PER_ENVIRONMENT);
    }

    public static CheckService checkService(Settings settings) {
        return new CheckService(ledger(settings));
    }

    public static EventPublisher eventPublisher(Settings settings) {
        return new SnsEventPublisher(AwsClients.sns(settings), settings.requireTopicArn(), settings.publishParallelism());
    }

    public static ProducerService producerService(Settings settings) {
        return new ProducerService(new EventParser(), eventPublisher(settings), Clock.systemUTC());
    }

    public static TrackerService trackerService(TrackerSettings settings) {
        Clock clock = Clock.systemUTC();
        return new TrackerService(new DynamoDbTrackerStore(AwsClients.dynamoDb(settings), settings.tableName(),
                new TrackerItemExpiry(settings.itemLifetime(), clock)), clock);
    }

    private static UnaryOperator<String> secretReader(Settings settings) {
        return name -> {
            try (SecretsManagerClient secrets = AwsClients.secretsManager(settings)) {
                return secretString(secrets, name);
            }
        };
    }

    /** The results table for these settings (a test's view of {@link #consumer}); nothing is read yet. */
    static Downstream downstream(Settings settings, UnaryOperator<String> readSecret) {
        LazyResultsConnection results = results(settings, readSecret);
        return results == null ? Downstream.NONE : new ResultsTableDownstream(results, settings.resultsGroupId(),
                settings.downstreamCallDuration(), Clock.systemUTC());
    }

    /**
     * Where the invocations go when the settings name a results database: RESULTS_JDBC_URL as
     * given, else the secret RESULTS_SECRET_NAME, read when first needed; null when neither is set.
     */
    private static LazyResultsConnection results(Settings settings, UnaryOperator<String> readSecret) {
        String callMillis = settings.downstreamCallDuration().toMillis() + " ms";
        if (settings.resultsJdbcUrl() != null) {
            ResultsConnection connection = ResultsConnection.of(settings.resultsJdbcUrl());
            String source = settings.resultsSecretName() == null ? "RESULTS_JDBC_URL"
                    : "RESULTS_JDBC_URL, which wins over RESULTS_SECRET_NAME";
            LOG.info("recording invocations in {} (from {}) as group {}, each invocation lasting at least {}",
                    connection, source, settings.resultsGroupId(), callMillis);
            return LazyResultsConnection.of(connection);
        }
        if (settings.resultsSecretName() != null) {
            String name = settings.resultsSecretName();
            LOG.info("recording invocations in the database of secret {} (read on the first batch) as group {},"
                    + " each invocation lasting at least {}", name, settings.resultsGroupId(), callMillis);
            return new LazyResultsConnection(() -> ResultsSecret.parse(name, readSecret.apply(name)));
        }
        LOG.info("no results database (RESULTS_JDBC_URL or RESULTS_SECRET_NAME): the consumer records"
                + " no invocations and waits out no downstream call");
        return null;
    }

    /** The secret's {@code SecretString}; a failure names RESULTS_SECRET_NAME and the secret. */
    static String secretString(SecretsManagerClient secrets, String name) {
        GetSecretValueResponse response;
        try {
            response = secrets.getSecretValue(request -> request.secretId(name));
        } catch (SdkException e) {
            throw new SettingsException(ResultsSecret.VARIABLE, "cannot read secret " + name
                    + " (does it exist in this region, and may this function read it?): " + e.getMessage());
        }
        if (response.secretString() == null) {
            throw new SettingsException(ResultsSecret.VARIABLE, "secret " + name
                    + " has no SecretString (a binary secret); it must hold the RDS format as JSON text");
        }
        return response.secretString();
    }
}
