package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.LedgerTableSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SNS -> Lambda phase alone, on dynalite: the async queue's duplicates, throttles,
 * function errors with their retries, the maximum event age and the DLQ all happen, and every
 * good event is applied once or dead-lettered with its reason.
 */
class AsyncPhaseIT {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.io.streamlimit.consumer.ConsumerService", "off");
    }

    @TempDir
    Path data;

    @Test
    void every_good_event_is_applied_once_or_dead_lettered_with_its_reason() throws Exception {
        ChaosOptions options = new ChaosOptions(3, Duration.ZERO, 1, 1, 0, 1, 1, 0, 40, 8, Duration.ofMillis(500), null);
        ChaosReport report = new ChaosReport();
        try (RestartableDynamoDb dynamo = new RestartableDynamoDb(Files.createDirectories(data.resolve("ddb")))) {
            LedgerTableSchema.createIfMissing(dynamo.client(), "async-chaos");
            ApplyCounter store = new ApplyCounter(new DynamoDbLedgerStore(dynamo.client(), "async-chaos"));
            new AsyncPhase(options, store, ChaosRun.SETTINGS, report, "t", FaultPlan.standard().async()).run();
            report.appliedTwice(store.appliedTwice());
        }
        report.print(new java.io.PrintWriter(System.out, true));

        assertThat(report.violations(ChaosPipeline.SNS_LAMBDA)).isEmpty();
        assertThat(report.lost()).isEmpty();
        assertThat(report.appliedTwice()).isEmpty();
        assertThat(report.goodEvents()).isEqualTo(40 * 5 + 3 + 4); // lifecycles, three stalls, four victims
        assertThat(report.poisonDeadLettered()).isEqualTo(report.poisonSent()).isEqualTo(4);
        for (FaultKind kind : new FaultKind[] {FaultKind.ASYNC_QUEUE_DUPLICATE, FaultKind.THROTTLE, FaultKind.ASYNC_ERROR_RETRY,
                FaultKind.RETRIES_EXHAUSTED, FaultKind.EVENT_EXPIRED, FaultKind.CONSUMER_EXCEPTION}) {
            assertThat(report.faults(ChaosPipeline.SNS_LAMBDA).get(kind)).as(kind.label()).isPositive();
        }
        assertThat(report.deadLetters()).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
        assertThat(report.deadLetters()).anySatisfy(d -> assertThat(d.reason()).contains("older than the maximum event age"));
        assertThat(report.deadLetters()).anySatisfy(d -> assertThat(d.reason()).contains("failed on every retry"));
        assertThat(report.passed()).isTrue();
    }
}
