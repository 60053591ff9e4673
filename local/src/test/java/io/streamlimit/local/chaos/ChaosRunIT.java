package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.cli.StreamlimitCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The short chaos profile CI runs, over every pipeline (the FIFO and Kinesis ones checking each
 * uid's order too). It must inject every fault kind and find no violation of the ledger's invariants
 * (docs/ARCHITECTURE.md), no event lost or applied twice,
 * every poison message in a DLQ with its reason, and no good event in the SQS pipeline's DLQ (the
 * async path may give up on one, with its reason).
 */
class ChaosRunIT {

    static {
        // The consumer logs every rejected message; thousands of lines only slow the test down.
        System.setProperty("org.slf4j.simpleLogger.log.io.streamlimit.consumer.ConsumerService", "error");
    }


    @Test
    void the_short_profile_injects_every_fault_and_finds_no_violation() throws Exception {
        StringWriter progress = new StringWriter();
        long started = System.nanoTime();
        ChaosReport report = ChaosRun.run(ChaosOptions.ci(42), new PrintWriter(progress, true));
        StringWriter printed = new StringWriter();
        report.print(new PrintWriter(printed, true));
        System.out.println(progress + printed.toString() + "wall time: " + (System.nanoTime() - started) / 1_000_000 + " ms");

        assertThat(report.operations()).as("operations").isGreaterThanOrEqualTo(20_000);
        for (FaultKind kind : FaultKind.values()) {
            assertThat(report.faults(kind)).as(kind.label()).isPositive();
        }
        assertThat(report.violations()).as("violations").isEmpty();
        for (ChaosPipeline pipeline : ChaosPipeline.values()) {
            assertThat(report.operations(pipeline)).as(pipeline.label()).isPositive();
            assertThat(report.violationCount(pipeline)).as(pipeline.label()).isZero();
        }
        assertThat(report.limitViolations()).as("limit exceeded").isZero();
        assertThat(report.lost()).as("events lost").isEmpty();
        assertThat(report.appliedTwice()).as("events applied twice").isEmpty();
        assertThat(report.goodDeadLettered()).as("good messages in the DLQ").isZero();
        assertThat(report.poisonSent()).isPositive();
        assertThat(report.poisonDeadLettered()).as("poison in the DLQ").isEqualTo(report.poisonSent());
        assertThat(report.deadLetters()).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
        assertThat(report.ambiguousUids()).as("uids whose exact check stopped early").isLessThanOrEqualTo(5);
        assertThat(report.passed()).isTrue();
        assertThat(printed.toString()).contains("operations run", "faults injected", "events in the DLQs", "violations found: 0",
                ChaosPipeline.SNS_SQS_LAMBDA.label(), ChaosPipeline.SNS_LAMBDA.label(), ChaosPipeline.SNS_FIFO_SQS_FIFO_LAMBDA.label(),
                ChaosPipeline.API_KINESIS_LAMBDA.label());
        // The Kinesis phase: PutRecords put twice were applied once (no event applied twice, above), and the
        // poisoned uid's five records reached the on-failure queue, each with the mapping's reason.
        assertThat(report.deadLetters()).filteredOn(d -> d.phase().equals(ChaosReport.KINESIS_PHASE))
                .hasSize(5).allSatisfy(d -> {
                    assertThat(d.poison()).isTrue();
                    assertThat(d.reason()).isEqualTo("Kinesis on-failure destination: RetryAttemptsExhausted");
                });
        assertThat(report.kinesisGoodGivenUp()).isZero();
    }

    @Test
    void chaos_command_refuses_a_bad_duration_with_exit_code_2() {
        StringWriter err = new StringWriter();
        int exit = StreamlimitCli.commandLine().setErr(new PrintWriter(err, true)).execute("chaos", "--minutes", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--minutes");
    }
}
