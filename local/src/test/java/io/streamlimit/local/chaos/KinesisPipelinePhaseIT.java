package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.local.AwsClients;
import io.streamlimit.local.kinesis.KinesisServer;
import io.streamlimit.local.sqs.ElasticMqServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The API -> Kinesis -> Lambda phase alone, on kinesis-local, ElasticMQ and dynalite: PutRecords
 * put twice, crashes mid-batch and function errors blocking their lanes, and a poisoned uid. Every
 * good event is applied exactly once and in its uid's order, and exactly the poisoned uid's five
 * records are at the on-failure queue, each with its reason.
 */
class KinesisPipelinePhaseIT {

    @TempDir
    static Path data;
    static RestartableDynamoDb dynamo;
    static ElasticMqServer sqsServer;
    static SqsClient sqs;
    static KinesisServer kinesis;

    @BeforeAll
    static void startServices() throws Exception {
        // The consumer logs each refusal of the poisoned uid; the test reads the report instead.
        System.setProperty("org.slf4j.simpleLogger.log.io.streamlimit.consumer.ConsumerService", "off");
        dynamo = new RestartableDynamoDb(Files.createDirectories(data.resolve("ddb")));
        sqsServer = ElasticMqServer.start(0);
        sqs = AwsClients.sqs(sqsServer.endpoint());
        kinesis = KinesisServer.start(0);
        LedgerTableSchema.createIfMissing(dynamo.client(), "kinesis-chaos");
    }

    @AfterAll
    static void stopServices() {
        kinesis.close();
        sqs.close();
        sqsServer.close();
        dynamo.close();
    }

    @Test
    void duplicates_are_applied_once_in_order_and_the_poisoned_uid_is_given_up_with_its_reason() throws Exception {
        ChaosOptions options = ChaosOptions.ci(42);
        ChaosReport report = new ChaosReport();
        ApplyCounter store = new ApplyCounter(new DynamoDbLedgerStore(dynamo.client(), "kinesis-chaos"));
        long started = System.nanoTime();
        new KinesisPipelinePhase(new PhaseRound(options, store, ChaosRun.SETTINGS, report, "t"), kinesis.client(), sqs,
                FaultPlan.standard().kinesis()).run();
        report.appliedTwice(store.appliedTwice());
        long millis = (System.nanoTime() - started) / 1_000_000;
        report.print(new PrintWriter(System.out, true));
        System.out.println("Kinesis phase wall time: " + millis + " ms");

        ChaosPipeline kinesis = ChaosPipeline.API_KINESIS_LAMBDA;
        Map<FaultKind, Long> faults = report.faults(kinesis);
        assertThat(report.violations(kinesis)).isEmpty();
        assertThat(report.lost()).isEmpty();
        assertThat(report.appliedTwice()).as("events applied twice, duplicates put included").isEmpty();
        assertThat(report.goodEvents()).isEqualTo(40 * 5);
        assertThat(faults.get(FaultKind.DUPLICATE_PUT)).as("PutRecords put twice").isPositive();
        assertThat(faults.get(FaultKind.CONSUMER_EXCEPTION)).as("crashes").isPositive();
        assertThat(faults.get(FaultKind.SHARD_BLOCKING_RETRY)).as("blocking retries").isPositive();
        // The poisoned uid's five records, each given up once its retry failed, and nothing else.
        assertThat(faults.get(FaultKind.POISON_MESSAGE)).isEqualTo(5);
        assertThat(faults.get(FaultKind.RETRIES_EXHAUSTED)).isEqualTo(5);
        assertThat(report.poisonSent()).isEqualTo(5);
        assertThat(report.poisonDeadLettered()).isEqualTo(5);
        assertThat(report.kinesisGoodGivenUp()).isZero();
        assertThat(report.deadLetters()).hasSize(5).allSatisfy(d -> {
            assertThat(d.phase()).isEqualTo(ChaosReport.KINESIS_PHASE);
            assertThat(d.reason()).isEqualTo("Kinesis on-failure destination: RetryAttemptsExhausted");
            assertThat(d.bodyPreview()).contains("t-kpoisoned");
        });
        assertThat(report.operations(kinesis)).isPositive();
        assertThat(report.passed()).isTrue();
    }
}
