package io.streamlimit.cdk;

import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * The DynamoDB actions each function calls, and no others (grantReadWriteData would add Scan,
 * BatchWriteItem, DeleteItem and the stream reads, which nothing calls). Kept in step with the
 * functions module's stores: DynamoDbLedgerStore and DynamoDbTrackerStore.
 */
final class TableGrants {

    private TableGrants() {
    }

    /** The consumer reads a batch's uids at once (BatchGetItem), rereads after a conflict (GetItem) and writes conditionally (PutItem). */
    static void ledgerForConsumer(ITable ledger, IGrantable consumer) {
        ledger.grant(consumer, "dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem");
    }

    /** Check reads one uid (GetItem); acquire and release write it conditionally (PutItem). */
    static void ledgerForCheck(ITable ledger, IGrantable check) {
        ledger.grant(check, "dynamodb:GetItem", "dynamodb:PutItem");
    }

    /** The tracker puts tokens and first counts (PutItem) and extends tokens and counts (UpdateItem), all conditionally. */
    static void trackerTable(ITable table, IGrantable tracker) {
        table.grant(tracker, "dynamodb:PutItem", "dynamodb:UpdateItem");
    }
}
