package io.streamlimit.settings;

import io.streamlimit.check.CheckService;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
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
import io.streamlimit.tracker.TrackerService;
import io.streamlimit.tracker.TrackerSettings;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** The composition root of the Lambda functions: real clients and services from {@link Settings}. */
public final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
    }

    public static Ledger ledger(Settings settings) {
        return new Ledger(new DynamoDbLedgerStore(AwsClients.dynamoDb(settings), settings.tableName()),
                settings.ledger(), Clock.systemUTC());
    }

    /** The consumer of one Lambda environment, which runs one batch at a time. */
    public static ConsumerService consumerService(Settings settings) {
        return new ConsumerService(new EventParser(), ledger(settings), downstream(settings),
                new LedgerWriters(LedgerWriters.PER_ENVIRONMENT));
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
        return new TrackerService(new DynamoDbTrackerStore(AwsClients.dynamoDb(settings), settings.tableName()),
                Clock.systemUTC());
    }

    static Downstream downstream(Settings settings) {
        return downstream(settings, name -> {
            try (SecretsManagerClient secrets = AwsClients.secretsManager(settings)) {
                return secretString(secrets, name);
            }
        });
    }

    /**
     * The results table when the settings name a results database (RESULTS_JDBC_URL, else the
     * secret RESULTS_SECRET_NAME, read once here), with the downstream call's wait; otherwise none.
     *
     * @param readSecret a secret's name to its {@code SecretString}
     */
    static Downstream downstream(Settings settings, UnaryOperator<String> readSecret) {
        ResultsConnection connection;
        String source;
        if (settings.resultsJdbcUrl() != null) {
            connection = ResultsConnection.of(settings.resultsJdbcUrl());
            source = settings.resultsSecretName() == null ? "RESULTS_JDBC_URL"
                    : "RESULTS_JDBC_URL, which wins over RESULTS_SECRET_NAME";
        } else if (settings.resultsSecretName() != null) {
            String name = settings.resultsSecretName();
            connection = ResultsSecret.parse(name, readSecret.apply(name));
            source = "secret " + name;
        } else {
            LOG.info("no results database (RESULTS_JDBC_URL or RESULTS_SECRET_NAME): the consumer records"
                    + " no invocations and waits out no downstream call");
            return Downstream.NONE;
        }
        LOG.info("recording invocations in {} (from {}) as group {}, each invocation lasting at least {} ms",
                connection, source, settings.resultsGroupId(), settings.downstreamCallDuration().toMillis());
        return new ResultsTableDownstream(connection, settings.resultsGroupId(), settings.downstreamCallDuration(),
                Clock.systemUTC());
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
