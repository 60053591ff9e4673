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
            ", 2, 1250",   // none: from 2 up to the service's ceiling
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

    @ParameterizedTest(name = "pollers {0} to {1}: floor {2} invokes, ceiling {3}")
    @CsvSource({
            "2, 2, 20, 20",         // the smallest provisioned mapping: 10 invokes a poller
            "2, 200, 20, 2000",     // the default maximum
            "10, 50, 100, 500",
            "200, 2000, 2000, 20000", // AWS's "up to 20,000 concurrency", above standard mode's 1,250
    })
    void provisioned_pollers_set_the_floor_and_the_ceiling(int minimum, int maximum, int floor, int ceiling) {
        MappingScaler.Settings settings = MappingScaler.Settings.provisioned(AwsBehaviour.current(), minimum, maximum);
        assertThat(settings.idleFloor()).isEqualTo(floor);
        assertThat(settings.ceiling()).isEqualTo(ceiling);
        assertThat(settings.provisioned()).isTrue();
        MappingScaler scaler = new MappingScaler(settings);
        assertThat(scaler.target()).isEqualTo(floor);
        assertThat(scaler.pollers()).isEqualTo(minimum);
        assertThat(scaler.minimumPollers()).isEqualTo(minimum);
    }

    @ParameterizedTest(name = "{0} busy ticks: provisioned {1} invokes ({2} pollers), standard {3}")
    @CsvSource({
            "0, 20, 2, 2",
            "6, 120, 12, 32",     // 1,000 a minute against 300: 100 a 6 s, 30 a 6 s
            "60, 1019, 102, 302", // 20 + 60 x 16.67 in floating point: 1,019.99..., floored
            "200, 2000, 200, 1002", // provisioned stops at 10 x MaximumPollers
    })
    void provisioned_mode_scales_up_faster_than_standard_mode(int busyTicks, int provisionedTarget, int pollers,
                                                              int standardTarget) {
        MappingScaler provisioned = new MappingScaler(MappingScaler.Settings.provisioned(AwsBehaviour.current(), 2, 200));
        MappingScaler standard = new MappingScaler(MappingScaler.Settings.of(AwsBehaviour.current(), null));
        for (int i = 1; i <= busyTicks; i++) {
            provisioned.tick(i * 1_000L, true);
            standard.tick(i * 1_000L, true);
        }
        assertThat(provisioned.target()).isEqualTo(provisionedTarget);
        assertThat(provisioned.pollers()).isEqualTo(pollers);
        assertThat(standard.target()).isEqualTo(standardTarget);
        assertThat(standard.pollers()).as("standard mode has no pollers of the user's").isZero();
    }

    @Test
    void provisioned_mode_falls_back_to_the_minimum_pollers_and_bills_the_time_above_them() {
        MappingScaler scaler = new MappingScaler(MappingScaler.Settings.provisioned(AwsBehaviour.current(), 2, 200));
        long now = 0;
        for (int i = 0; i < 3; i++) {
            scaler.tick(now += 1_000, true);
        }
        // Ticks ran on 2, 4 (36.7 invokes) and 6 (53.3) pollers: 0 + 2 + 4 poller-seconds above the minimum.
        assertThat(scaler.target()).isEqualTo(70);
        assertThat(scaler.pollerMillisAboveMinimum()).isEqualTo(6_000);
        for (int i = 0; i < 100; i++) {
            scaler.tick(now += 1_000, false);
        }
        assertThat(scaler.target()).as("back to the minimum pollers' invokes").isEqualTo(20);
        assertThat(scaler.pollers()).isEqualTo(2);
        // Down 16.7 a tick from 70: 7, 6, 4 (53.3 -> 36.7 -> 20) pollers: 5 + 4 + 2 more poller-seconds.
        assertThat(scaler.pollerMillisAboveMinimum()).isEqualTo(17_000);
    }

    @Test
    void provisioned_mode_backs_off_on_throttles_but_never_below_its_minimum_pollers() {
        MappingScaler scaler = new MappingScaler(MappingScaler.Settings.provisioned(AwsBehaviour.current(), 3, 10));
        for (int i = 0; i < 1_000; i++) {
            scaler.throttled(1_000);
        }
        assertThat(scaler.target()).isEqualTo(30);
    }

    @ParameterizedTest(name = "pollers {0} to {1}, MaximumConcurrency {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "1|10||minimumPollers: must be 2 to 200, got 1",
            "201|2000||minimumPollers: must be 2 to 200, got 201",
            "2|2001||maximumPollers: must be 2 to 2000, got 2001",
            "10|5||maximumPollers: must be 10 to 2000, got 5",
            "2|10|50|maximumConcurrency: cannot be combined with provisioned pollers, got 50",
            "2|||maximumPollers: is required",
    })
    void pollers_aws_would_refuse_are_refused(Integer minimum, Integer maximum, Integer maximumConcurrency,
                                              String message) {
        assertThatThrownBy(() -> MappingScaler.Settings.of(AwsBehaviour.current(), maximumConcurrency, minimum, maximum))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void a_profile_without_provisioned_mode_has_no_pollers() {
        AwsBehaviour aws2020 = io.streamlimit.aws.AwsProfiles.named("2020");
        assertThatThrownBy(() -> MappingScaler.Settings.provisioned(aws2020, 2, 10))
                .hasMessage("aws: has no provisioned mode (maxMaximumPollers 0)");
        assertThat(MappingScaler.Settings.of(aws2020, null, null, null)).isEqualTo(MappingScaler.Settings.of(aws2020, null));
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
