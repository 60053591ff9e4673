package io.streamlimit.settings;

import io.streamlimit.check.CheckService;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.ResultsTableDownstream;
import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.producer.EventPublisher;
import io.streamlimit.producer.ProducerService;
import io.streamlimit.producer.SnsEventPublisher;
import java.time.Clock;

/** The composition root of the Lambda functions: real clients and services from {@link Settings}. */
public final class Wiring {

    private Wiring() {
    }

    public static Ledger ledger(Settings settings) {
        return new Ledger(new DynamoDbLedgerStore(AwsClients.dynamoDb(settings), settings.tableName()),
                settings.ledger(), Clock.systemUTC());
    }

    public static ConsumerService consumerService(Settings settings) {
        return new ConsumerService(new EventParser(), ledger(settings), downstream(settings));
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

    static Downstream downstream(Settings settings) {
        if (settings.resultsJdbcUrl() == null) {
            return Downstream.NONE;
        }
        return new ResultsTableDownstream(settings.resultsJdbcUrl(), settings.resultsGroupId(),
                settings.downstreamCallDuration(), Clock.systemUTC());
    }
}
