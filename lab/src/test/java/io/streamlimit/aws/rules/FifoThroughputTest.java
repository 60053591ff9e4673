package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The FIFO publish quota per second, for the whole pipeline and, with high throughput, per message group. */
class FifoThroughputTest {

    @ParameterizedTest(name = "{0}, high throughput {1}: {2}/s, {3}/s per group")
    @CsvSource({
            "current, false, 3000, 0",
            "current, true, 30000, 300",
            "2020, false, 300, 0",
            "2020, true, 300, 300",
    })
    void the_quota_is_the_lower_of_the_topic_and_the_queue(String profile, boolean highThroughput, int perSecond,
                                                          int perGroup) {
        FifoThroughput quota = FifoThroughput.of(AwsProfiles.named(profile), highThroughput);
        assertThat(quota.perSecond()).isEqualTo(perSecond);
        assertThat(quota.perGroupPerSecond()).isEqualTo(perGroup);
    }

    @ParameterizedTest(name = "{0}/s, {1}/s per group: {2} publishes in one second to {3} groups -> {4} admitted")
    @CsvSource({
            "3, 0, 5, 1, 3",
            "3, 0, 5, 5, 3",
            "10, 2, 5, 1, 2",   // one group: its own quota
            "10, 2, 5, 5, 5",   // five groups: each under its quota
            "4, 2, 6, 3, 4",    // the whole quota first
    })
    void publishes_beyond_the_quota_are_throttled(int perSecond, int perGroup, int publishes, int groups, int admitted) {
        FifoThroughput quota = new FifoThroughput(perSecond, perGroup);
        int count = 0;
        for (int i = 0; i < publishes; i++) {
            if (quota.admit(1_000 + i, i % groups)) {
                count++;
            }
        }
        assertThat(count).isEqualTo(admitted);
        assertThat(quota.throttled()).isEqualTo(publishes - admitted);
    }

    @Test
    void a_throttled_publish_tries_again_at_the_next_second_and_gets_in() {
        FifoThroughput quota = new FifoThroughput(1, 0);
        assertThat(quota.admit(1_500, 0)).isTrue();
        assertThat(quota.admit(1_999, 0)).isFalse();
        assertThat(quota.retryAt(1_999)).isEqualTo(2_000);
        assertThat(quota.admit(2_000, 0)).isTrue();
        assertThat(AwsBehaviour.current().snsFifoMessagesPerSecond()).isEqualTo(3_000);
    }

    @Test
    void a_quota_of_nothing_is_refused() {
        assertThatThrownBy(() -> new FifoThroughput(0, 0)).hasMessage("perSecond: must be above 0, got 0");
        assertThatThrownBy(() -> new FifoThroughput(1, -1)).hasMessage("perGroupPerSecond: must be 0 or more, got -1");
    }
}
