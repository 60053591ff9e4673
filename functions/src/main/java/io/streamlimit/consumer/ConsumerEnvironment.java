package io.streamlimit.consumer;

import java.util.Objects;
import java.util.UUID;

/**
 * What one consumer environment serves with: the consumer (its clients inside), the environment's
 * id as the results' {@code cache_id}, and what closes its clients. Built at init, and again
 * after a SnapStart restore ({@code SnapshotHooks}), so no two restored environments share an id
 * or a client.
 */
public record ConsumerEnvironment(GatedConsumer consumer, String cacheId, AutoCloseable clients)
        implements AutoCloseable {

    public ConsumerEnvironment {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(cacheId, "cacheId");
        Objects.requireNonNull(clients, "clients");
    }

    /** A consumer whose clients the caller owns (tests, local runs), under a new id. */
    public static ConsumerEnvironment of(GatedConsumer consumer) {
        return new ConsumerEnvironment(consumer, UUID.randomUUID().toString(), () -> { });
    }

    @Override
    public void close() throws Exception {
        clients.close();
    }
}
