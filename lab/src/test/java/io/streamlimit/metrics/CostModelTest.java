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

        CostBreakdown cost = new CostModel().breakdown(data);

        assertThat(cost.lambdaRequestsUsd()).isCloseTo(0.0002, within(1e-12));        // 1,000 x $0.20/M
        assertThat(cost.lambdaComputeUsd()).isCloseTo(0.00833335, within(1e-12));     // 500 GB-s x $0.0000166667
        assertThat(cost.sqsUsd()).isCloseTo(0.0012, within(1e-12));                   // 3,000 x $0.40/M
        assertThat(cost.snsUsd()).isCloseTo(0.0005, within(1e-12));                   // 1,000 x $0.50/M
        assertThat(cost.dynamoDbUsd()).isCloseTo(0.001375, within(1e-12));            // 2,000 x $0.625/M + 1,000 x $0.125/M
        assertThat(cost.httpApiUsd()).isCloseTo(0.001, within(1e-12));                // 1,000 x $1.00/M
        assertThat(new CostModel().costUsd(data)).isCloseTo(0.01260835, within(1e-12));
    }

    @Test
    void run_metrics_report_the_cost_to_six_decimals() {
        RunData data = thousandOneSecondInvocations(run("r").count(CostModel.SQS_REQUESTS, 3_000));

        assertThat(new MetricsCalculator().compute(data).costUsd()).isEqualTo(0.009733); // 0.0002 + 0.00833335 + 0.0012
    }

    @Test
    void lambda_requests_are_the_recorded_count_but_never_fewer_than_the_invocations() {
        RunData fewer = thousandOneSecondInvocations(run("r").count(CostModel.LAMBDA_INVOCATIONS, 10));
        RunData more = thousandOneSecondInvocations(run("r").count(CostModel.LAMBDA_INVOCATIONS, 5_000));

        assertThat(new CostModel().breakdown(fewer).lambdaRequestsUsd()).isCloseTo(0.0002, within(1e-12));
        assertThat(new CostModel().breakdown(more).lambdaRequestsUsd()).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void throttled_invocations_cost_nothing() {
        RunData data = run("r").memoryMb(1_024).invoke("a", 0, 2_000)
                .event(PipelineEventKind.THROTTLE, 10, 1L).event(PipelineEventKind.THROTTLE, 20, 2L).build();

        // 1 request and 2 GB-s.
        assertThat(new CostModel().costUsd(data)).isCloseTo(0.0000002 + 2 * 0.0000166667, within(1e-15));
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

        CostBreakdown cost = new CostModel().breakdown(data);

        // 5 x 0.5 GB x 300 s = 750 GB-s x $0.0000041667
        assertThat(cost.provisionedConcurrencyUsd()).isCloseTo(0.003125025, within(1e-12));
        // on demand 400 s x 0.5 GB = 200 GB-s x $0.0000166667 = 0.00333334;
        // provisioned 600 s x 0.5 GB = 300 GB-s x $0.0000097222 = 0.00291666
        assertThat(cost.lambdaComputeUsd()).isCloseTo(0.00625, within(1e-12));
        assertThat(cost.lambdaRequestsUsd()).isCloseTo(0.0002, within(1e-12));
        assertThat(cost.totalUsd()).isCloseTo(0.009575025, within(1e-12));
        RunMetrics metrics = new MetricsCalculator().compute(data);
        assertThat(metrics.costUsd()).isEqualTo(0.009575);
        assertThat(metrics.provisionedConcurrencyCostUsd()).isEqualTo(0.003125);
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
        CostBreakdown cost = new CostModel().breakdown(longer);
        // 2 x 1 GB x 600 s = 1,200 GB-s x $0.0000041667
        assertThat(cost.provisionedConcurrencyUsd()).isCloseTo(0.00500004, within(1e-12));
        // the one invocation ran on a provisioned environment: 1 GB-s x $0.0000097222
        assertThat(cost.lambdaComputeUsd()).isCloseTo(0.0000097222, within(1e-15));
    }

    @Test
    void without_provisioned_concurrency_nothing_is_billed_for_it_and_every_second_is_on_demand() {
        RunData data = thousandOneSecondInvocations(run("r").count(CostModel.LAMBDA_PROVISIONED_BILLED_MILLIS, 600_000));

        CostBreakdown cost = new CostModel().breakdown(data);

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
    void prices_carry_the_date_and_region_they_were_listed_for() {
        assertThat(CostModel.PRICES_AS_OF).isEqualTo(YearMonth.of(2025, 11));
        assertThat(CostModel.PRICES_REGION).isEqualTo("us-east-1");
    }
}
