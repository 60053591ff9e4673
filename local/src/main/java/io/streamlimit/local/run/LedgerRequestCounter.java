package io.streamlimit.local.run;

import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Counts the ledger's DynamoDB requests into the run's request counts ({@code ledgerReads},
 * {@code ledgerBatchReads}, {@code ledgerWrites}; a write that lost its compare-and-set is a
 * request too): what the consumer costs DynamoDB per event, which bounds the pipeline's throughput.
 */
final class LedgerRequestCounter implements LedgerStore {

    static final String READS = "ledgerReads";
    static final String BATCH_READS = "ledgerBatchReads";
    static final String WRITES = "ledgerWrites";

    private final LedgerStore inner;
    private final RunRecorder recorder;

    LedgerRequestCounter(LedgerStore inner, RunRecorder recorder) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public UidLedger read(String uid) {
        recorder.count(READS, 1);
        return inner.read(uid);
    }

    /** One BatchGetItem per {@link DynamoDbLedgerStore#MAX_BATCH_GET} uids. */
    @Override
    public Map<String, UidLedger> readAll(Collection<String> uids) {
        int perRequest = DynamoDbLedgerStore.MAX_BATCH_GET;
        recorder.count(BATCH_READS, (uids.size() + perRequest - 1) / perRequest);
        return inner.readAll(uids);
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        recorder.count(WRITES, 1);
        return inner.compareAndSet(next, expectedVersion);
    }
}
