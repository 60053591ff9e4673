package io.streamlimit.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.consumer.ConsumerEnvironment;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.ConsumerPriming;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.GatedConsumer;
import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.runtime.FunctionContext;
import io.streamlimit.testing.LocalDynamoDb;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart's runtime hooks on the consumer, against dynalite: the snapshot's warm-up calls no
 * service, and a restore builds new clients (the snapshot's are closed and never used again) and
 * a new environment id, with which the next batch is applied.
 */
class SnapshotHooksTest {

    /** One consumer environment as the wiring builds it: its own DynamoDB client, counted and closable. */
    private static final class Built {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        ConsumerEnvironment environment;
    }

    private final String table = LocalDynamoDb.newLedgerTable();
    private final List<Built> built = new CopyOnWriteArrayList<>();

    private ConsumerEnvironment build() {
        Built b = new Built();
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(LocalDynamoDb.client().serviceClientConfiguration().endpointOverride().orElseThrow())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        b.calls.incrementAndGet();
                    }
                }))
                .build();
        Ledger ledger = new Ledger(new DynamoDbLedgerStore(client, table), LedgerSettings.defaults(), Clock.systemUTC());
        b.environment = new ConsumerEnvironment(
                GatedConsumer.of(new ConsumerService(new EventParser(), ledger, Downstream.NONE)),
                UUID.randomUUID().toString(), () -> {
                    b.closed.set(true);
                    client.close();
                });
        built.add(b);
        return b.environment;
    }

    private static SQSEvent batch(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + UUID.randomUUID());
        message.setBody(body);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    private Ledger reader() {
        return new Ledger(new DynamoDbLedgerStore(LocalDynamoDb.client(), table), LedgerSettings.defaults(), Clock.systemUTC());
    }

    @Test
    void the_warm_up_calls_no_service_and_the_restore_recreates_the_clients_and_the_id() {
        SnapshotHooks<ConsumerEnvironment> hooks = new SnapshotHooks<>(this::build, ConsumerPriming::prime);
        ConsumerHandler handler = new ConsumerHandler(hooks, Clock.systemUTC());
        String snapshotId = handler.cacheId();

        hooks.beforeCheckpoint(null);
        // Primed without a single DynamoDB call: nothing of a service's (credentials, connections) in the snapshot.
        assertThat(built).hasSize(1);
        assertThat(built.get(0).calls).hasValue(0);
        assertThat(reader().check("snapstart-prime").open()).isZero();

        hooks.afterRestore(null);
        assertThat(built).hasSize(2);
        assertThat(built.get(0).closed).isTrue();
        assertThat(built.get(1).closed).isFalse();
        assertThat(hooks.current()).isSameAs(built.get(1).environment);
        assertThat(handler.cacheId()).isNotEqualTo(snapshotId).isEqualTo(built.get(1).environment.cacheId());

        SQSBatchResponse response = handler.handleRequest(
                batch("{\"type\":\"open\",\"uid\":\"player-7\",\"streamId\":\"s-1\"}"), FunctionContext.forRequest("req-1"));
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(reader().check("player-7").open()).isEqualTo(1);
        // The batch went through the restored environment's client, never the snapshot's.
        assertThat(built.get(0).calls).hasValue(0);
        assertThat(built.get(1).calls.get()).isPositive();
    }

    @Test
    void each_restore_gives_a_new_id_so_restored_copies_of_one_snapshot_never_share_one() {
        SnapshotHooks<ConsumerEnvironment> hooks = new SnapshotHooks<>(
                () -> ConsumerEnvironment.of(GatedConsumer.of(new ConsumerService(new EventParser(),
                        reader(), Downstream.NONE))), ConsumerPriming::prime);
        String first = hooks.current().cacheId();
        hooks.afterRestore(null);
        String second = hooks.current().cacheId();
        hooks.afterRestore(null);
        assertThat(List.of(first, second, hooks.current().cacheId())).doesNotHaveDuplicates();
    }

    @Test
    void the_warm_up_applies_its_batch_to_an_in_memory_ledger_only() {
        ConsumerEnvironment environment = ConsumerEnvironment.of(GatedConsumer.of(new ConsumerService(new EventParser(),
                reader(), Downstream.NONE)));
        assertThat(ConsumerPriming.prime(environment)).isEmpty();
        assertThat(reader().check("snapstart-prime").open()).isZero();
    }

    @Test
    void the_hooks_register_with_the_crac_context_on_any_jdk() {
        SnapshotHooks<ConsumerEnvironment> hooks = SnapshotHooks.registered(
                () -> ConsumerEnvironment.of(GatedConsumer.of(new ConsumerService(new EventParser(), reader(),
                        Downstream.NONE))), ConsumerPriming::prime);
        assertThat(hooks.current().cacheId()).isNotBlank();
    }
}
