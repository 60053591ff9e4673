package io.streamlimit.consumer;

import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The consumer's warm-up before a SnapStart snapshot: one batch (an open and its close) through
 * the real parser, ledger rules and batch code over an in-memory ledger, and the DynamoDB request
 * model built, so their classes are loaded and initialized in the snapshot. It calls no service,
 * opens no connection and reads no secret or credential: nothing it leaves behind is worth
 * stealing from a snapshot, or goes stale in one.
 */
public final class ConsumerPriming {

    private static final String OPEN = "{\"type\":\"open\",\"uid\":\"snapstart-prime\",\"streamId\":\"s-1\"}";
    private static final String CLOSE = "{\"type\":\"close\",\"uid\":\"snapstart-prime\",\"streamId\":\"s-1\"}";

    private ConsumerPriming() {
    }

    /** @return the ids of the warm-up's messages that failed: none, unless the code it loads is broken */
    public static List<String> prime(ConsumerEnvironment environment) {
        PutItemRequest.builder().tableName("snapstart-prime").build();
        Ledger ledger = new Ledger(new InMemoryLedgerStore(), LedgerSettings.defaults(), Clock.systemUTC());
        try (LedgerWriters writers = new LedgerWriters(LedgerWriters.PER_ENVIRONMENT)) {
            ConsumerService warmUp = new ConsumerService(new EventParser(), ledger, Downstream.NONE, writers,
                    DeadLetters.NONE);
            return warmUp.process(List.of(new InboundMessage("prime-1", OPEN), new InboundMessage("prime-2", CLOSE)),
                    new InvocationInfo("snapstart-prime", environment.cacheId(), Instant.EPOCH));
        }
    }
}
