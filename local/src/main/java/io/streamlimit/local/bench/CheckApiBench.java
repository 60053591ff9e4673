package io.streamlimit.local.bench;

import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.local.api.LocalService;
import io.streamlimit.local.stack.LocalStack;
import java.net.URI;
import java.time.Clock;
import java.util.stream.IntStream;

/**
 * (4) {@code GET /check/{uid}} over real HTTP on the API that {@code streamlimit up} serves,
 * at a fixed offered rate from a separate client pool (open loop), for uids of which some hold
 * streams. The bench offers it interleaved with raw GetItems, so that both see the same machine.
 */
final class CheckApiBench implements AutoCloseable {

    private static final int UIDS = 1_000;
    private static final int UIDS_WITH_STREAMS = 200;

    private final LocalService service;

    CheckApiBench(LocalStack stack) {
        service = LocalService.start(stack, LedgerSettings.defaults(), new LocalService.Ports(0, 0), Clock.systemUTC());
        Ledger ledger = new Ledger(new DynamoDbLedgerStore(stack.dynamoDb(), LedgerTableSchema.DEFAULT_TABLE_NAME),
                LedgerSettings.defaults(), Clock.systemUTC());
        IntStream.range(0, UIDS_WITH_STREAMS).parallel().forEach(i -> {
            for (int s = 0; s <= i % 3; s++) {
                ledger.acquire(uid(i), "bench-stream-" + s);
            }
        });
    }

    /** One {@code GET /check/{uid}}, for an open loop to offer; uids visited in a scattered order. */
    OpenLoop.Request check() {
        URI base = service.apiUrl();
        return index -> {
            PlainHttp.Response response = PlainHttp.get(URI.create(base + "/check/" + uid((int) (index * 7919 % UIDS))), null);
            if (response.status() != 200) {
                throw new IllegalStateException("GET /check answered " + response.status() + ": " + response.body());
            }
        };
    }

    private static String uid(int i) {
        return "bench-viewer-" + i;
    }

    @Override
    public void close() {
        service.close();
    }
}
