package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SQS mapping's size as documented (services-sqs-scaling.html): it starts at its idle floor
 * (2; with MaximumConcurrency not below 5), adds batches while messages wait up to
 * MaximumConcurrency or the service's ceiling, and backs off on throttles and on function
 * errors, but not on failures reported item by item (services-sqs-errorhandling.html).
 */
class MappingScalerTest {

    /** One batch added a second (60 a minute, a tick a second), half a batch removed per throttle or error. */
    private static final AwsBehaviour AWS = AwsBehaviour.current().toBuilder()
            .concurrentBatchesAddedPerMinute(60)
            .mappingScalingTick(Duration.ofSeconds(1))
            .mappingBatchesRemovedPerThrottle(0.5)
            .mappingBatchesRemovedPerError(0.5)
            .build();

    @ParameterizedTest(name = "MaximumConcurrency {0}: floor {1}, ceiling {2}")
    @CsvSource({
            ", 2, 1000",   // none: from 2 up to the service's ceiling
            "5, 5, 5",     // with MaximumConcurrency not below 5 (initialConcurrentBatches)
            "2, 2, 2",     // the floor never above the ceiling
            "50, 5, 50",
    })
    void the_floor_and_the_ceiling_follow_maximum_concurrency(Integer maximumConcurrency, int floor, int ceiling) {
        MappingScaler.Settings settings = MappingScaler.Settings.of(AWS, maximumConcurrency);
        assertThat(settings.idleFloor()).isEqualTo(floor);
        assertThat(settings.ceiling()).isEqualTo(ceiling);
        assertThat(new MappingScaler(settings).target()).isEqualTo(floor);
    }

    @ParameterizedTest(name = "MaximumConcurrency 10, {0} ticks with messages waiting, then {1} without: {2}")
    @CsvSource({
            "0, 0, 5",
            "1, 0, 6",    // a batch a tick while messages wait
            "3, 0, 8",
            "20, 0, 10",  // capped at MaximumConcurrency
            "20, 2, 8",   // falls back a batch a tick with none waiting
            "20, 50, 5",  // ...to its floor, not below
    })
    void it_grows_while_messages_wait_and_falls_back_to_its_floor_when_none_do(int busyTicks, int idleTicks,
                                                                              int target) {
        MappingScaler scaler = new MappingScaler(MappingScaler.Settings.of(AWS, 10));
        long now = 0;
        for (int i = 0; i < busyTicks; i++) {
            scaler.tick(now += 1_000, true);
        }
        for (int i = 0; i < idleTicks; i++) {
            scaler.tick(now += 1_000, false);
        }
        assertThat(scaler.target()).isEqualTo(target);
    }

    @Test
    void throttles_and_failed_batches_shrink_it_but_items_reported_one_by_one_do_not() {
        MappingScaler scaler = grownTo(10);
        scaler.batchFailed(10_000, true);
        assertThat(scaler.target()).as("failures reported item by item").isEqualTo(10);
        scaler.batchFailed(10_000, false);
        assertThat(scaler.target()).as("a failed batch").isEqualTo(9); // 10 - 0.5
        scaler.throttled(10_000);
        assertThat(scaler.target()).as("a throttle").isEqualTo(9);     // 9.5 - 0.5
        for (int i = 0; i < 100; i++) {
            scaler.throttled(10_000);
        }
        assertThat(scaler.target()).as("never below the floor").isEqualTo(5);
    }

    @ParameterizedTest(name = "throttled at 10000, asked at {0}: backing off {1}")
    @CsvSource({"10000, true", "10999, true", "11000, false"})
    void it_backs_off_for_one_scaling_tick_after_a_throttle(long now, boolean backingOff) {
        MappingScaler scaler = grownTo(10);
        assertThat(scaler.backingOff(now)).isFalse();
        scaler.throttled(10_000);
        assertThat(scaler.backingOff(now)).isEqualTo(backingOff);
    }

    @Test
    void a_failed_batch_does_not_space_the_invokes() {
        MappingScaler scaler = grownTo(10);
        scaler.batchFailed(10_000, false);
        assertThat(scaler.backingOff(10_000)).isFalse();
    }

    @Test
    void settings_that_are_no_mapping_are_refused() {
        MappingScaler.Settings good = MappingScaler.Settings.of(AWS, 10);
        assertThatThrownBy(() -> new MappingScaler(good.capped(0))).hasMessage("settings.idleFloor: must be above 0, got 0");
        assertThatThrownBy(() -> new MappingScaler(null)).hasMessage("settings: is required");
    }

    /** A scaler with MaximumConcurrency 10, grown to {@code target}. */
    private static MappingScaler grownTo(int target) {
        MappingScaler scaler = new MappingScaler(MappingScaler.Settings.of(AWS, 10));
        for (int i = 0; scaler.target() < target; i++) {
            scaler.tick(i * 1_000L, true);
        }
        return scaler;
    }
}
