package io.streamlimit.metrics;

import static io.streamlimit.metrics.RunDataBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CostModelTest {

    private static RunData thousandOneSecondInvocations(RunDataBuilder builder) {
        builder.memoryMb(512);
        for (int i = 0; i < 1_000; i++) {
            builder.invoke("b" + i, i * 1_000L, 1_000);
        }
        return builder.build();
    }

    @Test
    void cost_adds_lambda_requests_and_compute_and_every_service_at_list_prices() {
        RunData data = thousandOneSecondInvocations(run("r")
                .count(CostModel.SQS_REQUESTS, 3_000)
                .count(CostModel.SNS_PUBLISHES, 1_000)
                .count(CostModel.DYNAMO_WRITE_UNITS, 2_000)
                .count(CostModel.DYNAMO_READ_UNITS, 1_000)
                .count(CostModel.HTTP_REQUESTS, 1_000));

        CostBreakdown cost = new CostModel(CostModel.Architecture.X86_64).breakdown(data);

        assertThat(cost.lambdaRequestsUsd()).isCloseTo(0.0002, within(1e-12));        // 1,000 x $0.20/M
        assertThat(cost.lambdaComputeUsd()).isCloseTo(0.00833335, within(1e-12));     // 500 GB-s x $0.0000166667
        assertThat(cost.sqsUsd()).isCloseTo(0.0012, within(1e-12));                   // 3,000 x $0.40/M
        assertThat(cost.snsUsd()).isCloseTo(0.0005, within(1e-12));                   // 1,000 x $0.50/M
        assertThat(cost.dynamoDbUsd()).isCloseTo(0.001375, within(1e-12));            // 2,000 x $0.625/M + 1,000 x $0.125/M
        assertThat(cost.httpApiUsd()).isCloseTo(0.001, within(1e-12));                // 1,000 x $1.00/M
        assertThat(new CostModel(CostModel.Architecture.X86_64).costUsd(data)).isCloseTo(0.01260835, within(1e-12));
    }

    @Test
    void run_metrics_report_the_cost_to_six_decimals() {
        RunData data = thousandOneSecondInvocations(run("r").count(CostModel.SQS_REQUESTS, 3_000));

        // as deployed, arm64: 0.0002 + 500 GB-s x $0.0000133334 + 0.0012
        assertThat(new MetricsCalculator().compute(data).costUsd()).isEqualTo(0.008067);
    }

    @Test
    void lambda_requests_are_the_recorded_count_but_never_fewer_than_the_invocations() {
        RunData fewer = thousandOneSecondInvocations(run("r").count(CostModel.LAMBDA_INVOCATIONS, 10));
        RunData more = thousandOneSecondInvocations(run("r").count(CostModel.LAMBDA_INVOCATIONS, 5_000));

        assertThat(new CostModel(CostModel.Architecture.X86_64).breakdown(fewer).lambdaRequestsUsd()).isCloseTo(0.0002, within(1e-12));
        assertThat(new CostModel(CostModel.Architecture.X86_64).breakdown(more).lambdaRequestsUsd()).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void throttled_invocations_cost_nothing() {
        RunData data = run("r").memoryMb(1_024).invoke("a", 0, 2_000)
                .event(PipelineEventKind.THROTTLE, 10, 1L).event(PipelineEventKind.THROTTLE, 20, 2L).build();

        // 1 request and 2 GB-s.
        assertThat(new CostModel(CostModel.Architecture.X86_64).costUsd(data)).isCloseTo(0.0000002 + 2 * 0.0000166667, within(1e-15));
    }

    @Test
    void arm64_compute_is_priced_lower_than_x86() {
        RunData data = thousandOneSecondInvocations(run("r"));

        assertThat(new CostModel(CostModel.Architecture.ARM64).breakdown(data).lambdaComputeUsd())
                .isCloseTo(500 * 0.0000133334, within(1e-12));
    }

    @Test
    void provisioned_concurrency_is_billed_for_five_minutes_at_least_and_its_invocations_at_the_lower_price() {
        // 1,000 one-second invocations at 512 MB, 600 of those seconds on the 5 provisioned
        // environments; the run has no rows, so it lasts 0 s and is billed one 5-minute period.
        RunData data = thousandOneSecondInvocations(run("r")
                .count(CostModel.PROVISIONED_CONCURRENCY, 5)
                .count(CostModel.LAMBDA_PROVISIONED_BILLED_MILLIS, 600_000));

        CostBreakdown cost = new CostModel(CostModel.Architecture.X86_64).breakdown(data);

        // 5 x 0.5 GB x 300 s = 750 GB-s x $0.0000041667
        assertThat(cost.provisionedConcurrencyUsd()).isCloseTo(0.003125025, within(1e-12));
        // on demand 400 s x 0.5 GB = 200 GB-s x $0.0000166667 = 0.00333334;
        // provisioned 600 s x 0.5 GB = 300 GB-s x $0.0000097222 = 0.00291666
        assertThat(cost.lambdaComputeUsd()).isCloseTo(0.00625, within(1e-12));
        assertThat(cost.lambdaRequestsUsd()).isCloseTo(0.0002, within(1e-12));
        assertThat(cost.totalUsd()).isCloseTo(0.009575025, within(1e-12));
        RunMetrics metrics = new MetricsCalculator().compute(data);
        // the metrics price as deployed, arm64: 750 GB-s x $0.0000033334 = 0.00250005 standing;
        // 200 GB-s x $0.0000133334 + 300 GB-s x $0.0000077778 = 0.00500002 compute; 0.0002 requests
        assertThat(metrics.costUsd()).isEqualTo(0.0077);
        assertThat(metrics.provisionedConcurrencyCostUsd()).isEqualTo(0.0025);
    }

    @Test
    void provisioned_concurrency_is_billed_for_the_run_rounded_up_to_whole_five_minutes() {
        assertThat(CostModel.provisionedBilledSeconds(0)).isEqualTo(300);
        assertThat(CostModel.provisionedBilledSeconds(20_242)).isEqualTo(300);
        assertThat(CostModel.provisionedBilledSeconds(300_000)).isEqualTo(300);
        assertThat(CostModel.provisionedBilledSeconds(300_001)).isEqualTo(600);
        assertThat(CostModel.provisionedBilledSeconds(1_004_669)).isEqualTo(1_200);

        // The run lasts from its start to its last completion, 301 s: two periods, 600 s.
        RunData longer = run("r").memoryMb(1_024).count(CostModel.PROVISIONED_CONCURRENCY, 2)
                .count(CostModel.LAMBDA_PROVISIONED_BILLED_MILLIS, 1_000)
                .invoke("a", 300_000, 1_000).row(1, 0, 300_000, 301_000, "a").build();
        CostBreakdown cost = new CostModel(CostModel.Architecture.X86_64).breakdown(longer);
        // 2 x 1 GB x 600 s = 1,200 GB-s x $0.0000041667
        assertThat(cost.provisionedConcurrencyUsd()).isCloseTo(0.00500004, within(1e-12));
        // the one invocation ran on a provisioned environment: 1 GB-s x $0.0000097222
        assertThat(cost.lambdaComputeUsd()).isCloseTo(0.0000097222, within(1e-15));
    }

    @Test
    void without_provisioned_concurrency_nothing_is_billed_for_it_and_every_second_is_on_demand() {
        RunData data = thousandOneSecondInvocations(run("r").count(CostModel.LAMBDA_PROVISIONED_BILLED_MILLIS, 600_000));

        CostBreakdown cost = new CostModel(CostModel.Architecture.X86_64).breakdown(data);

        assertThat(cost.provisionedConcurrencyUsd()).isZero();
        assertThat(cost.lambdaComputeUsd()).isCloseTo(0.00833335, within(1e-12));
        assertThat(new MetricsCalculator().compute(data).provisionedConcurrencyCostUsd()).isZero();
    }

    @Test
    void arm64_provisioned_concurrency_has_its_own_prices() {
        RunData data = thousandOneSecondInvocations(run("r")
                .count(CostModel.PROVISIONED_CONCURRENCY, 5)
                .count(CostModel.LAMBDA_PROVISIONED_BILLED_MILLIS, 1_000_000));

        CostBreakdown cost = new CostModel(CostModel.Architecture.ARM64).breakdown(data);

        assertThat(cost.provisionedConcurrencyUsd()).isCloseTo(750 * 0.0000033334, within(1e-12));
        assertThat(cost.lambdaComputeUsd()).isCloseTo(500 * 0.0000077778, within(1e-12));
    }

    @Test
    void the_default_prices_the_architecture_the_cdk_app_deploys() {
        assertThat(new CostModel().architecture()).isEqualTo(CostModel.Architecture.ARM64);
        assertThat(CostModel.DEPLOYED_ARCHITECTURE).isEqualTo(CostModel.Architecture.ARM64);
    }

    @Test
    void standing_charges_are_the_configured_environments_for_a_whole_day_and_730_hours_a_month() {
        RunData data = thousandOneSecondInvocations(run("r").count(CostModel.PROVISIONED_CONCURRENCY, 2));

        StandingCharges arm = new CostModel(CostModel.Architecture.ARM64).standingCharges(data);
        StandingCharges x86 = new CostModel(CostModel.Architecture.X86_64).standingCharges(data);

        // 2 x 0.5 GB x 86,400 s = 86,400 GB-s a day
        assertThat(arm.usdPerDay()).isCloseTo(86_400 * 0.0000033334, within(1e-12));
        assertThat(arm.usdPerMonth()).isCloseTo(86_400 * 0.0000033334 * 730 / 24, within(1e-12));
        assertThat(x86.usdPerDay()).isCloseTo(86_400 * 0.0000041667, within(1e-12));
        assertThat(new CostModel().standingCharges(thousandOneSecondInvocations(run("r"))).usdPerDay()).isZero();
    }

    @Test
    void cost_as_deployed_pays_the_standing_charges_for_the_whole_days_the_traffic_spans() {
        CostModel model = new CostModel(CostModel.Architecture.ARM64);
        // 1,000 s of invocations, none on the provisioned environment: one day of it
        RunData day = thousandOneSecondInvocations(run("r").count(CostModel.PROVISIONED_CONCURRENCY, 1));
        CostBreakdown run = model.breakdown(day);
        double perDay = 43_200 * 0.0000033334; // 0.5 GB x 86,400 s

        assertThat(model.deployedCostUsd(day))
                .isCloseTo(run.totalUsd() - run.provisionedConcurrencyUsd() + perDay, within(1e-12));
        // events published over a day and a second: two days
        RunData longer = run("r").memoryMb(512).count(CostModel.PROVISIONED_CONCURRENCY, 1)
                .invoke("a", 0, 1_000).invoke("b", 86_401_000, 1_000)
                .row(1, 0, 0, 1_000, "a").row(2, 86_401_000, 86_401_000, 86_402_000, "b").build();
        // a day of publishes drained a minute later: still one day
        RunData drained = run("r").memoryMb(512).count(CostModel.PROVISIONED_CONCURRENCY, 1)
                .invoke("a", 0, 1_000).invoke("b", 86_400_000, 1_000)
                .row(1, 0, 0, 1_000, "a").row(2, 86_400_000, 86_459_000, 86_460_000, "b").build();
        CostBreakdown drainedRun = model.breakdown(drained);
        assertThat(model.deployedCostUsd(drained))
                .isCloseTo(drainedRun.totalUsd() - drainedRun.provisionedConcurrencyUsd() + perDay, within(1e-12));
        CostBreakdown longerRun = model.breakdown(longer);
        assertThat(model.deployedCostUsd(longer))
                .isCloseTo(longerRun.totalUsd() - longerRun.provisionedConcurrencyUsd() + 2 * perDay, within(1e-12));
        // without standing charges, the run's own cost
        RunData none = thousandOneSecondInvocations(run("r"));
        assertThat(model.deployedCostUsd(none)).isEqualTo(model.costUsd(none));
    }

    @Test
    void a_kinesis_stream_pays_shard_hours_put_payload_units_and_the_rest_apis_requests() {
        CostModel model = new CostModel(CostModel.Architecture.ARM64);
        // A run of 1,000 s (its one event applied at its end), 2 shards, 1M puts of one 25 KB unit each,
        // 10,000 more throttled
        RunData data = thousandOneSecondInvocations(run("r").row(1, 0, 999_000, 1_000_000, "b999")
                .count(CostModel.KINESIS_SHARDS, 2)
                .count(CostModel.KINESIS_PAYLOAD_UNITS, 1_000_000)
                .count(CostModel.KINESIS_PUTS, 1_010_000));
        RunData none = thousandOneSecondInvocations(run("r").row(1, 0, 999_000, 1_000_000, "b999"));

        double shardHours = 2 * 1_000 / 3_600.0 * 0.015;
        assertThat(model.breakdown(data).kinesisUsd()).isCloseTo(shardHours + 0.014 + 1.01 * 3.50, within(1e-12));
        assertThat(model.costUsd(data) - model.costUsd(none)).isCloseTo(shardHours + 0.014 + 1.01 * 3.50, within(1e-12));
        assertThat(model.breakdown(none).kinesisUsd()).isZero();
        // As deployed, the shards are a standing charge: 2 x 24 shard-hours a day, 730 hours a month.
        StandingCharges standing = model.standingCharges(data);
        assertThat(standing.kinesisShardsUsdPerDay()).isCloseTo(0.72, within(1e-12));
        assertThat(standing.usdPerDay()).isCloseTo(0.72, within(1e-12));
        assertThat(standing.usdPerMonth()).isCloseTo(0.72 * 730 / 24, within(1e-12));
        assertThat(model.deployedCostUsd(data))
                .isCloseTo(model.costUsd(data) - shardHours + 0.72, within(1e-12));
    }

    @Test
    void the_fifo_pipeline_pays_fifo_queue_requests_fifo_publishes_their_deliveries_and_payload() {
        CostModel model = new CostModel(CostModel.Architecture.ARM64);
        RunDataBuilder counts = run("r").count(CostModel.SQS_REQUESTS, 3_000).count(CostModel.SNS_PUBLISHES, 1_000)
                .count(CostModel.SNS_PAYLOAD_BYTES, 1L << 30);
        RunData standard = thousandOneSecondInvocations(counts);
        RunData fifo = thousandOneSecondInvocations(run("r").count(CostModel.SQS_REQUESTS, 3_000).count(CostModel.SNS_PUBLISHES, 1_000)
                .count(CostModel.SNS_PAYLOAD_BYTES, 1L << 30).count(CostModel.FIFO_PIPELINE, 1));

        assertThat(model.breakdown(fifo).sqsUsd()).isCloseTo(0.0015, within(1e-12));    // 3,000 x $0.50/M
        // 1,000 x ($0.30/M publish + $0.01/M delivery) + 1 GB x ($0.017 published + $0.001 delivered)
        assertThat(model.breakdown(fifo).snsUsd()).isCloseTo(0.00031 + 0.018, within(1e-12));
        // a standard run's payload is free and its requests keep the standard prices
        assertThat(model.breakdown(standard).sqsUsd()).isCloseTo(0.0012, within(1e-12));
        assertThat(model.breakdown(standard).snsUsd()).isCloseTo(0.0005, within(1e-12));
        assertThat(model.costUsd(fifo) - model.costUsd(standard)).isCloseTo(0.0003 + 0.01831 - 0.0005, within(1e-12));
    }

    @Test
    void deployed_days_round_up_to_whole_days_and_at_least_one() {
        assertThat(StandingCharges.deployedDays(0)).isEqualTo(1);
        assertThat(StandingCharges.deployedDays(86_400_000)).isEqualTo(1);
        assertThat(StandingCharges.deployedDays(86_400_001)).isEqualTo(2);
    }

    @Test
    void prices_carry_the_date_and_region_they_were_listed_for() {
        assertThat(CostModel.PRICES_AS_OF).isEqualTo(YearMonth.of(2025, 11));
        assertThat(CostModel.PRICES_REGION).isEqualTo("us-east-1");
    }
}
