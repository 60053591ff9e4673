package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 1,000 records or 1 MB a second per shard; beyond, ProvisionedThroughputExceededException and a jittered retry. */
class KinesisWriteLimitsTest {

    @ParameterizedTest(name = "{0} writes of {1} bytes in one second: {2} admitted")
    @CsvSource({
            // writes, bytes each, admitted (records limit 1,000, bytes limit 1,048,576)
            "1000, 100, 1000",
            "1001, 100, 1000",
            "1500, 100, 1000",
            "20, 65536, 16",           // 16 x 64 KiB = 1 MiB exactly
            "5, 1048576, 1",
            "1, 1048577, 0",
    })
    void a_shard_takes_up_to_its_records_and_bytes_in_a_second(int writes, int bytes, int admitted) {
        KinesisWriteLimits limits = KinesisWriteLimits.of(AwsBehaviour.current(), 2);
        int taken = 0;
        for (int i = 0; i < writes; i++) {
            if (limits.admit(0, 5_000, bytes)) {
                taken++;
            }
        }
        assertThat(taken).isEqualTo(admitted);
    }

    @Test
    void each_shard_and_each_second_has_its_own_allowance() {
        KinesisWriteLimits limits = new KinesisWriteLimits(2, 2, 1_000_000, 100, 20_000);

        assertThat(limits.admit(0, 999, 10)).isTrue();
        assertThat(limits.admit(0, 999, 10)).isTrue();
        assertThat(limits.admit(0, 999, 10)).isFalse();   // third in second 0
        assertThat(limits.admit(1, 999, 10)).isTrue();    // the other shard
        assertThat(limits.admit(0, 1_000, 10)).isTrue();  // second 1
        assertThat(limits.admit(0, 1_999, 10)).isTrue();
        assertThat(limits.admit(0, 1_999, 10)).isFalse();
    }

    @Test
    void the_producer_retries_with_full_jitter_up_to_the_maximum_backoff() {
        KinesisWriteLimits limits = KinesisWriteLimits.of(AwsBehaviour.current(), 1);
        Random random = new Random(1);
        int[][] bounds = {{0, 100}, {1, 200}, {2, 400}, {7, 12_800}, {8, 20_000}, {30, 20_000}};
        for (int[] b : bounds) {
            for (int i = 0; i < 200; i++) {
                assertThat(limits.retryDelayMillis(b[0], random)).as("attempt %d", b[0]).isBetween(1L, (long) b[1]);
            }
        }
        assertThat(limits.retryAt(1_000, 0, new FixedRandom(0.0))).isEqualTo(1_100);
        assertThat(limits.retryAt(1_000, 3, new FixedRandom(0.5))).isEqualTo(1_400);
    }

    @Test
    void bad_input_is_refused() {
        assertThatThrownBy(() -> new KinesisWriteLimits(0, 1, 1, 1, 1)).hasMessage("shards: must be above 0, got 0");
        KinesisWriteLimits limits = KinesisWriteLimits.of(AwsBehaviour.current(), 1);
        assertThatThrownBy(() -> limits.admit(1, 0, 10)).hasMessage("shard: must be 0 to 0, got 1");
        assertThatThrownBy(() -> limits.admit(0, 0, 0)).hasMessage("recordBytes: must be above 0, got 0");
    }
}
