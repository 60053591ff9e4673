package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 5-minute deduplication interval, per queue or per message group. */
class FifoDeduplicationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // scope | first (at, group, id) | second (at, group, id) | second accepted
            "the same id within 5 minutes is a duplicate | queue | 0,a,s1:open | 299999,a,s1:open | false",
            "the same id 5 minutes later is new | queue | 0,a,s1:open | 300000,a,s1:open | true",
            "another id is new | queue | 0,a,s1:open | 1,a,s1:close | true",
            "per queue, the same id in another group is a duplicate | queue | 0,a,s1:open | 1,b,s1:open | false",
            "per message group, the same id in another group is new | messageGroup | 0,a,s1:open | 1,b,s1:open | true",
            "per message group, the same id in the same group is a duplicate | messageGroup | 0,a,s1:open | 1,a,s1:open | false",
    })
    void a_deduplication_id_is_remembered_for_the_interval(String behaviour, String scope, String first, String second,
                                                          boolean accepted) {
        FifoDeduplication dedup = FifoDeduplication.of(AwsBehaviour.current(), scope.equals("messageGroup"));
        String[] a = first.split(",");
        String[] b = second.split(",");
        assertThat(dedup.accept(Long.parseLong(a[0]), a[1], a[2])).isTrue();
        assertThat(dedup.accept(Long.parseLong(b[0]), b[1], b[2])).isEqualTo(accepted);
    }

    @Test
    void a_dropped_copy_does_not_extend_the_interval() {
        FifoDeduplication dedup = new FifoDeduplication(300_000, false);
        assertThat(dedup.accept(0, "a", "x")).isTrue();
        assertThat(dedup.accept(200_000, "a", "x")).isFalse();
        assertThat(dedup.accept(300_000, "a", "x")).isTrue();
        assertThat(dedup.accept(599_999, "a", "x")).isFalse();
    }

    @Test
    void bad_inputs_are_refused() {
        assertThatThrownBy(() -> new FifoDeduplication(0, false)).hasMessage("intervalMillis: must be above 0, got 0");
        assertThatThrownBy(() -> new FifoDeduplication(1, true).accept(0, null, "x")).hasMessage("group: is required");
        assertThatThrownBy(() -> new FifoDeduplication(1, false).accept(0, "a", null))
                .hasMessage("deduplicationId: is required");
    }
}
