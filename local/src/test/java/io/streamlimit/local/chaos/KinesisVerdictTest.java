package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.event.StreamEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Kinesis phase's verdict on made-up outcomes: what passes, and each way it fails. */
class KinesisVerdictTest {

    private static final String SHARD = "shardId-000000000000";

    private final List<StreamEvent> good = UidLifecycle.inOrder("u1", "test", 0);
    private final List<StreamEvent> poisoned = UidLifecycle.inOrder("bad", "test", 5);
    private final List<KinesisPut> accepted = new ArrayList<>();
    private final Set<String> applied = new HashSet<>();
    private final Map<String, List<Long>> firstOrder = new LinkedHashMap<>();
    private final List<OnFailureRange> onFailure = new ArrayList<>();

    /** Puts the poisoned uid (sequence numbers 100..104), then u1 twice (200..204, then 300..304: a duplicate put). */
    KinesisVerdictTest() {
        for (int i = 0; i < 5; i++) {
            accepted.add(new KinesisPut(SHARD, Integer.toString(100 + i), poisoned.get(i)));
        }
        for (int copy = 2; copy <= 3; copy++) {
            for (int i = 0; i < 5; i++) {
                accepted.add(new KinesisPut(SHARD, Integer.toString(copy * 100 + i), good.get(i)));
            }
        }
        good.forEach(e -> applied.add(BatchRecorder.key(e)));
        poisoned.forEach(e -> applied.add(BatchRecorder.key(e)));
        firstOrder.put("u1", List.of(0L, 1L, 2L, 3L, 4L));
        firstOrder.put("bad", List.of(5L, 6L, 7L, 8L, 9L));
        onFailure.add(new OnFailureRange(SHARD, "100", "102", 3, "RetryAttemptsExhausted"));
        onFailure.add(new OnFailureRange(SHARD, "103", "104", 2, "RetryAttemptsExhausted"));
    }

    private KinesisVerdict.Judgement judge(List<String> appliedTwice) {
        return KinesisVerdict.judge(accepted, applied, firstOrder, appliedTwice, onFailure, Set.of("bad"));
    }

    @Test
    void duplicates_applied_once_in_order_with_the_poison_given_up_pass() {
        KinesisVerdict.Judgement judgement = judge(List.of());

        assertThat(judgement.passed()).isTrue();
        assertThat(judgement.givenUp()).hasSize(5).allSatisfy(g -> {
            assertThat(g.poisoned()).isTrue();
            assertThat(g.reason()).isEqualTo("RetryAttemptsExhausted");
        });
    }

    @Test
    void an_event_applied_twice_fails() {
        KinesisVerdict.Judgement judgement = judge(List.of("open u1/u1-a"));

        assertThat(judgement.passed()).isFalse();
        assertThat(judgement.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("Kinesis: applied exactly once");
            assertThat(v.toString()).contains("open u1/u1-a");
        });
    }

    @Test
    void an_event_applied_twice_fails_the_chaos_report_so_the_command_exits_non_zero() {
        ChaosReport report = new ChaosReport();
        report.violations(ChaosPipeline.API_KINESIS_LAMBDA, judge(List.of("close u1/u1-a")).violations());

        assertThat(report.violationCount(ChaosPipeline.API_KINESIS_LAMBDA)).isEqualTo(1);
        assertThat(report.passed()).isFalse();
    }

    @Test
    void an_event_neither_applied_nor_given_up_is_lost() {
        applied.remove(BatchRecorder.key(good.get(3)));
        firstOrder.put("u1", List.of(0L, 1L, 2L, 4L));

        KinesisVerdict.Judgement judgement = judge(List.of());

        assertThat(judgement.lost()).containsExactly("open u1/u1-c");
        assertThat(judgement.violations()).isEmpty();
    }

    @Test
    void a_good_event_given_up_with_a_reason_is_not_lost() {
        applied.remove(BatchRecorder.key(good.get(4)));
        firstOrder.put("u1", List.of(0L, 1L, 2L, 3L));
        onFailure.add(new OnFailureRange(SHARD, "204", "204", 1, "RecordAgeExceeded"));

        KinesisVerdict.Judgement judgement = judge(List.of());

        assertThat(judgement.passed()).isTrue();
        assertThat(judgement.givenUp()).filteredOn(g -> !g.poisoned()).singleElement()
                .satisfies(g -> assertThat(g.reason()).isEqualTo("RecordAgeExceeded"));
    }

    @Test
    void a_uid_applied_out_of_order_fails() {
        firstOrder.put("u1", List.of(0L, 2L, 1L, 3L, 4L));

        assertThat(judge(List.of()).violations()).singleElement()
                .satisfies(v -> assertThat(v.invariant()).isEqualTo("Kinesis: per-uid order"));
    }

    @Test
    void a_poisoned_record_missing_from_the_destination_fails() {
        onFailure.remove(1);

        assertThat(judge(List.of()).violations()).hasSize(2)
                .allSatisfy(v -> assertThat(v.invariant()).isEqualTo("Kinesis: poison given up"));
    }

    @Test
    void the_destination_naming_records_never_put_or_without_a_reason_fails() {
        onFailure.add(new OnFailureRange("shardId-000000000001", "100", "104", 5, "RetryAttemptsExhausted"));
        onFailure.set(0, new OnFailureRange(SHARD, "100", "102", 3, ""));

        assertThat(judge(List.of()).violations()).extracting(Violation::invariant)
                .containsExactlyInAnyOrder("Kinesis: given up what was put", "Kinesis: given up with a reason",
                        "Kinesis: given up with a reason", "Kinesis: given up with a reason");
    }

    @Test
    void the_destination_record_is_read_from_lambdas_invocation_record() {
        OnFailureRange range = OnFailureRange.parse("{\"requestContext\":{\"condition\":\"RetryAttemptsExhausted\","
                + "\"approximateInvokeCount\":2},\"KinesisBatchInfo\":{\"shardId\":\"shardId-000000000001\","
                + "\"startSequenceNumber\":\"4959\",\"endSequenceNumber\":\"4961\",\"batchSize\":3}}");

        assertThat(range).isEqualTo(new OnFailureRange("shardId-000000000001", "4959", "4961", 3, "RetryAttemptsExhausted"));
    }
}
