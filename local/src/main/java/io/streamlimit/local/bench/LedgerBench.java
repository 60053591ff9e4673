package io.streamlimit.local.bench;

import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.local.bench.BenchResults.LedgerFigures;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * (2) The ledger on dynalite: {@code acquire} of new streams for random uids (a read and,
 * while the uid has room, a conditional write), then {@code check} of random uids (one read).
 */
final class LedgerBench {

    static final String TABLE = "streamlimit-bench-ledger";

    private final DynamoDbClient dynamoDb;

    LedgerBench(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    LedgerFigures run(BenchSettings settings) throws InterruptedException {
        dynamoDb.createTable(LedgerTableSchema.createTableRequest(TABLE));
        Ledger ledger = new Ledger(new DynamoDbLedgerStore(dynamoDb, TABLE), LedgerSettings.defaults(), Clock.systemUTC());
        int uids = settings.ledgerUids();
        OpsFigures acquire = ClosedLoop.run("ledger-acquire", settings.threads(), settings.warmUp(), settings.measure(),
                (thread, i) -> ledger.acquire(uid(uids), "stream-" + thread + "-" + i));
        OpsFigures check = ClosedLoop.run("ledger-check", settings.threads(), settings.warmUp(), settings.measure(),
                (thread, i) -> ledger.check(uid(uids)));
        return new LedgerFigures(uids, acquire, check);
    }

    private static String uid(int uids) {
        return "viewer-" + ThreadLocalRandom.current().nextInt(uids);
    }
}
