package io.streamlimit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AwsBehaviourTest {

    private final AwsBehaviour current = AwsBehaviour.current();

    @Test
    void to_builder_and_build_give_an_equal_behaviour() {
        AwsBehaviour copy = current.toBuilder().build();

        assertThat(copy).isEqualTo(current).isNotSameAs(current);
        assertThat(copy.hashCode()).isEqualTo(current.hashCode());
    }

    @Test
    void a_builder_changes_only_the_fields_it_sets() {
        AwsBehaviour changed = current.toBuilder()
                .concurrentBatchesAddedPerMinute(60)
                .scalingWindow(Duration.ofSeconds(60))
                .asyncRetryJitter(0.25)
                .build();

        assertThat(changed.concurrentBatchesAddedPerMinute()).isEqualTo(60);
        assertThat(changed.scalingWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(changed.asyncRetryJitter()).isEqualTo(0.25);
        assertThat(changed.toBuilder().concurrentBatchesAddedPerMinute(300).scalingWindow(Duration.ofSeconds(10))
                .asyncRetryJitter(0.2).build()).isEqualTo(current);
    }

    @Test
    void current_holds_the_documented_figures_and_the_fitted_ones() {
        assertThat(current.longPollWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(current.initialConcurrentBatches()).isEqualTo(5);
        assertThat(current.concurrentBatchesAddedPerMinute()).isEqualTo(300);
        assertThat(current.maxConcurrentBatches()).isEqualTo(1_250);
        assertThat(current.minConcurrentBatches()).isEqualTo(2);
        assertThat(current.minMinimumPollers()).isEqualTo(2);
        assertThat(current.maxMinimumPollers()).isEqualTo(200);
        assertThat(current.minMaximumPollers()).isEqualTo(2);
        assertThat(current.maxMaximumPollers()).isEqualTo(2_000);
        assertThat(current.concurrentInvokesPerPoller()).isEqualTo(10);
        assertThat(current.provisionedConcurrentInvokesAddedPerMinute()).isEqualTo(1_000);
        assertThat(current.provisionedPollersAvailable()).isTrue();
        assertThat(current.unreservedConcurrency()).isEqualTo(900);
        assertThat(current.environmentBurst()).isEqualTo(1_000);
        assertThat(current.environmentsAddedPerWindow()).isEqualTo(1_000);
        assertThat(current.scalingWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(current.maxFunctionTimeoutSeconds()).isEqualTo(900);
        assertThat(current.minMemoryMb()).isEqualTo(128);
        assertThat(current.maxMemoryMb()).isEqualTo(10_240);
        assertThat(current.maxBatchSize(0)).isEqualTo(10);
        assertThat(current.maxBatchSize(1)).isEqualTo(10_000);
        assertThat(current.recommendedVisibilityTimeoutSeconds(10, 1)).isEqualTo(61);
        assertThat(current.mappingScalingTick()).isEqualTo(Duration.ofSeconds(1));
        assertThat(current.mappingBatchesRemovedPerThrottle()).isEqualTo(0.65);
        assertThat(current.mappingBatchesRemovedPerError()).isEqualTo(0.65);
        assertThat(current.heldBatchRetryMeanInterval()).isEqualTo(Duration.ofSeconds(12));
        assertThat(current.invokeOverhead()).isEqualTo(Duration.ofMillis(30));
        assertThat(current.snapStartAvailable()).isTrue();
        assertThat(current.snapStartRestore()).isEqualTo(Duration.ofMillis(40));
        assertThat(current.asyncDeliveryRatePerSecond()).isEqualTo(16.6);
        assertThat(current.asyncRetryJitter()).isEqualTo(0.2);
    }

    @Test
    void current_holds_the_documented_kinesis_figures() {
        assertThat(current.maxStreamShards()).isEqualTo(20_000);
        assertThat(current.defaultStreamBatchSize()).isEqualTo(100);
        assertThat(current.maxStreamBatchSize()).isEqualTo(10_000);
        assertThat(current.maxStreamBatchWindowSeconds()).isEqualTo(300);
        assertThat(current.maxParallelizationFactor()).isEqualTo(10);
        assertThat(current.maxStreamRetryAttempts()).isEqualTo(10_000);
        assertThat(current.minStreamRecordAgeSeconds()).isEqualTo(60);
        assertThat(current.maxStreamRecordAgeSeconds()).isEqualTo(604_800);
        assertThat(current.shardPollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(current.shardWriteRecordsPerSecond()).isEqualTo(1_000);
        assertThat(current.shardWriteBytesPerSecond()).isEqualTo(1_048_576);
        assertThat(current.putRetryInitialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(current.putRetryMaxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(() -> current.toBuilder().minStreamRecordAgeSeconds(700_000).build())
                .hasMessage("minStreamRecordAgeSeconds: must be at most maxStreamRecordAgeSeconds (604800), got 700000");
    }

    @Test
    void a_value_out_of_range_names_the_field() {
        assertThatThrownBy(() -> current.toBuilder().scalingWindow(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scalingWindow: must be longer than zero, got PT0S");
        assertThatThrownBy(() -> current.toBuilder().asyncRetryJitter(1.5).build())
                .hasMessage("asyncRetryJitter: must be 0 to 1, got 1.5");
        assertThatThrownBy(() -> current.toBuilder().minMaximumConcurrency(2_000).build())
                .hasMessage("minMaximumConcurrency: must be at most maxMaximumConcurrency (1000), got 2000");
        assertThatThrownBy(() -> current.toBuilder().maxMinimumPollers(3_000).build())
                .hasMessage("maxMinimumPollers: must be at most maxMaximumPollers (2000), got 3000");
        assertThatThrownBy(() -> current.toBuilder().maxMaximumPollers(-1).build())
                .hasMessage("maxMaximumPollers: must be at least 0, got -1");
        assertThatThrownBy(() -> current.toBuilder().environmentBurst(0).build())
                .hasMessage("environmentBurst: must be at least 1, got 0");
    }
}
