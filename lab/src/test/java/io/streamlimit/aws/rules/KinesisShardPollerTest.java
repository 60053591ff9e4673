package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.KinesisShardPoller.Batch;
import io.streamlimit.aws.rules.KinesisShardPoller.Discard;
import io.streamlimit.aws.rules.KinesisShardPoller.Idle;
import io.streamlimit.aws.rules.KinesisShardPoller.Invoke;
import io.streamlimit.aws.rules.KinesisShardPoller.Next;
import io.streamlimit.aws.rules.KinesisShardPoller.Reason;
import io.streamlimit.aws.rules.KinesisShardPoller.Settings;
import io.streamlimit.aws.rules.KinesisShardPoller.StreamRecord;
import io.streamlimit.aws.rules.KinesisShardPoller.WaitUntil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One shard read by the Kinesis event source mapping: polls, lanes, window, retries, bisect, expiry. */
class KinesisShardPollerTest {

    private static final KinesisBatchOutcome OK = new KinesisBatchOutcome.Succeeded();
    private static final KinesisBatchOutcome ERROR = new KinesisBatchOutcome.FunctionError();
    private static final KinesisBatchOutcome THROTTLED = new KinesisBatchOutcome.Throttled();

    private static Settings settings(int batchSize, long windowMillis, int factor, boolean bisect, int maxRetries,
                                     long maxAgeMillis) {
        return new Settings(batchSize, windowMillis, factor, 1_000, bisect, maxRetries, maxAgeMillis);
    }

    private static StreamRecord record(long id, String key, long at) {
        return new StreamRecord(id, key, at);
    }

    private static List<Long> ids(Batch batch) {
        return batch.records().stream().map(StreamRecord::id).toList();
    }

    private static Batch invoke(KinesisShardPoller poller, long now) {
        Next next = poller.next(now);
        assertThat(next).as("at %d", now).isInstanceOf(Invoke.class);
        return ((Invoke) next).batch();
    }

    @ParameterizedTest(name = "phase {0}: a record arriving at {1} is read at {2}")
    @CsvSource({
            "0,   0,    0",
            "0,   1,    1000",
            "0,   999,  1000",
            "0,   1000, 1000",
            "250, 0,    250",
            "250, 251,  1250",
            "250, 1250, 1250",
    })
    void records_are_read_at_the_shards_next_poll_once_a_second(long phase, long arrivedAt, long readAt) {
        KinesisShardPoller poller = new KinesisShardPoller(0, settings(10, 0, 1, false, -1, -1), phase);
        assertThat(poller.readAt(arrivedAt)).isEqualTo(readAt);
    }

    @ParameterizedTest(name = "batch {0}, window {1} ms, {2} records by {3}: {4}")
    @CsvSource({
            // batchSize, windowMillis, records arriving at 0..n-1 ms, now, next (invoke N records, or wait until)
            "10, 0,    3,  0,    wait 0",     // a record arriving at 0 is read at 0; the others at 1000
            "10, 0,    1,  0,    invoke 1",
            "10, 0,    3,  1000, invoke 3",
            "2,  0,    3,  1000, invoke 2",
            "10, 5000, 3,  1000, wait 5000",  // the window runs from the first record's read, at 0
            "10, 5000, 3,  5000, invoke 3",
            "3,  5000, 3,  1000, invoke 3",   // a full batch does not wait for the window
    })
    void a_lane_invokes_when_its_batch_is_full_or_its_window_closes(int batchSize, long window, int records,
                                                                   long now, String expected) {
        KinesisShardPoller poller = new KinesisShardPoller(0, settings(batchSize, window, 1, false, -1, -1), 0);
        for (int i = 0; i < records; i++) {
            poller.written(record(i, "k", i == 0 ? 0 : i));
        }
        String[] e = expected.split(" ");
        Next next = poller.next(now);
        if (e[0].equals("wait")) {
            // A lone record at 0 is invoked at 0; ask again to see the wait for the rest.
            if (next instanceof Invoke) {
                poller.completed(((Invoke) next).batch(), OK, now);
                next = poller.next(now);
                assertThat(next).isEqualTo(new WaitUntil(1_000));
            } else {
                assertThat(next).isEqualTo(new WaitUntil(Long.parseLong(e[1])));
            }
        } else {
            assertThat(next).isInstanceOf(Invoke.class);
            assertThat(((Invoke) next).batch().size()).isEqualTo(Integer.parseInt(e[1]));
        }
    }

    @Test
    void with_factor_1_a_failing_batch_blocks_the_shard_until_it_succeeds() {
        KinesisShardPoller poller = new KinesisShardPoller(3, settings(2, 0, 1, false, -1, -1), 0);
        poller.written(record(1, "a", 0));
        poller.written(record(2, "b", 0));
        poller.written(record(3, "c", 0));

        Batch first = invoke(poller, 0);
        assertThat(ids(first)).containsExactly(1L, 2L);
        assertThat(poller.next(0)).isEqualTo(new Idle()); // one batch at a time: c waits
        assertThat(poller.completed(first, ERROR, 100)).isEqualTo(new KinesisBatchOutcome.Retry(1));
        assertThat(poller.next(100)).isEqualTo(new WaitUntil(1_100)); // retried at the next poll, still blocking
        Batch retry = invoke(poller, 1_100);
        assertThat(ids(retry)).containsExactly(1L, 2L);
        assertThat(retry.retries()).isEqualTo(1);
        assertThat(poller.completed(retry, THROTTLED, 1_200)).isEqualTo(new KinesisBatchOutcome.Retry(1));
        Batch again = invoke(poller, 2_200);
        assertThat(poller.iteratorAgeMillis(2_200)).isEqualTo(2_200);
        assertThat(poller.completed(again, OK, 2_300)).isEqualTo(new KinesisBatchOutcome.Done());
        assertThat(ids(invoke(poller, 2_300))).containsExactly(3L);
        assertThat(poller.unprocessed()).isEqualTo(1);
    }

    @Test
    void with_a_higher_factor_other_partition_keys_go_on_while_one_lane_is_blocked_and_each_keys_order_holds() {
        KinesisShardPoller poller = new KinesisShardPoller(0, settings(10, 0, 2, false, -1, -1), 0);
        // user-1 hashes to lane 0 and user-2 to lane 1 (MD5 mod 2, see KinesisShardsTest's table).
        assertThat(poller.laneOf("user-1")).isZero();
        assertThat(poller.laneOf("user-2")).isEqualTo(1);
        poller.written(record(1, "user-1", 0));
        poller.written(record(2, "user-2", 0));
        poller.written(record(3, "user-1", 0));

        Batch lane0 = invoke(poller, 0);
        Batch lane1 = invoke(poller, 0);
        assertThat(ids(lane0)).containsExactly(1L, 3L);
        assertThat(ids(lane1)).containsExactly(2L);
        assertThat(poller.next(0)).isEqualTo(new Idle());
        poller.completed(lane0, ERROR, 50);
        poller.completed(lane1, OK, 50);
        poller.written(record(4, "user-2", 60));
        poller.written(record(5, "user-1", 60));
        assertThat(ids(invoke(poller, 1_000))).containsExactly(4L);     // lane 1 goes on
        assertThat(poller.next(1_000)).isEqualTo(new WaitUntil(1_050)); // lane 0 retries at its next poll
        assertThat(ids(invoke(poller, 1_050))).containsExactly(1L, 3L); // the same records, in order
        assertThat(poller.next(1_050)).isEqualTo(new Idle());          // 5 waits behind user-1's retry
    }

    @Test
    void bisect_splits_down_to_the_failing_record_before_retries_count_then_gives_it_up() {
        KinesisShardPoller poller = new KinesisShardPoller(0, settings(4, 0, 1, true, 1, -1), 0);
        for (long id = 1; id <= 4; id++) {
            poller.written(record(id, "k", 0));
        }
        // Record 3 is bad: every batch holding it fails.
        List<String> trace = new ArrayList<>();
        List<KinesisShardPoller.Discarded> discarded = new ArrayList<>();
        long now = 0;
        for (int step = 0; step < 20 && poller.unprocessed() > 0; step++) {
            Next next = poller.next(now);
            if (next instanceof Invoke invoke) {
                boolean fails = ids(invoke.batch()).contains(3L);
                KinesisBatchOutcome.Resolution r = poller.completed(invoke.batch(), fails ? ERROR : OK, now);
                trace.add(ids(invoke.batch()) + " " + r.getClass().getSimpleName());
            } else if (next instanceof Discard discard) {
                discarded.add(discard.discarded());
            } else if (next instanceof WaitUntil wait) {
                now = wait.at();
            }
        }
        assertThat(trace).containsExactly(
                "[1, 2, 3, 4] Bisect", "[1, 2] Done", "[3, 4] Bisect", "[3] Retry", "[3] RetriesExhausted", "[4] Done");
        assertThat(discarded).hasSize(1);
        assertThat(discarded.get(0).reason()).isEqualTo(Reason.RETRY_ATTEMPTS_EXHAUSTED);
        assertThat(discarded.get(0).reason().awsName()).isEqualTo("RetryAttemptsExhausted");
        assertThat(discarded.get(0).firstId()).isEqualTo(3);
        assertThat(discarded.get(0).lastId()).isEqualTo(3);
        assertThat(poller.unprocessed()).isZero();
    }

    @Test
    void records_older_than_the_maximum_age_go_to_the_on_failure_destination_instead_of_another_retry() {
        KinesisShardPoller poller = new KinesisShardPoller(1, settings(10, 0, 1, false, -1, 60_000), 0);
        poller.written(record(1, "k", 0));
        poller.written(record(2, "k", 30_000));

        Batch first = invoke(poller, 0);
        poller.completed(first, ERROR, 100);
        Batch retry = invoke(poller, 1_100);
        poller.completed(retry, ERROR, 59_000);
        Batch late = invoke(poller, 60_000); // the record is 60 s old: not older than the maximum yet
        poller.completed(late, ERROR, 60_500);
        Next next = poller.next(61_500);
        assertThat(next).isInstanceOf(Discard.class);
        KinesisShardPoller.Discarded d = ((Discard) next).discarded();
        assertThat(d.shard()).isEqualTo(1);
        assertThat(d.reason()).isEqualTo(Reason.RECORD_AGE_EXCEEDED);
        assertThat(d.records()).extracting(StreamRecord::id).containsExactly(1L);
        assertThat(poller.iteratorAgeMillis(61_500)).isEqualTo(31_500);
        assertThat(ids(invoke(poller, 61_500))).containsExactly(2L);
    }

    @Test
    void an_expired_bisected_half_gives_way_to_the_other_half_before_any_new_batch() {
        KinesisShardPoller poller = new KinesisShardPoller(0, settings(2, 0, 1, true, -1, 60_000), 0);
        poller.written(record(1, "k", 0));
        poller.written(record(2, "k", 30_000));
        poller.written(record(3, "k", 30_000));

        Batch both = invoke(poller, 30_000);
        assertThat(ids(both)).containsExactly(1L, 2L);
        poller.completed(both, ERROR, 61_000);                 // bisect: [1] then [2]
        Next next = poller.next(62_000);                       // record 1 is 62 s old
        assertThat(((Discard) next).discarded().records()).extracting(StreamRecord::id).containsExactly(1L);
        assertThat(ids(invoke(poller, 62_000))).containsExactly(2L);   // the other half, not [2, 3]
        assertThat(poller.next(62_000)).isEqualTo(new Idle());
    }

    @Test
    void the_streams_iterator_age_is_its_oldest_shards() {
        Settings s = settings(10, 0, 1, false, -1, -1);
        KinesisShardPoller a = new KinesisShardPoller(0, s, 0);
        KinesisShardPoller b = new KinesisShardPoller(1, s, 0);
        a.written(record(1, "k", 500));
        b.written(record(2, "k", 200));

        assertThat(KinesisShardPoller.iteratorAgeMillis(1_000, new KinesisShardPoller[] {a, b})).isEqualTo(800);
        assertThat(new KinesisShardPoller(2, s, 0).iteratorAgeMillis(1_000)).isZero();
    }

    @Test
    void settings_come_from_the_scenario_and_the_behaviour_and_bad_input_is_refused() {
        Settings s = Settings.of(AwsBehaviour.current(), 100, 2, 3, true, 5, 60);
        assertThat(s).isEqualTo(new Settings(100, 2_000, 3, 1_000, true, 5, 60_000));
        assertThat(Settings.of(AwsBehaviour.current(), 100, 0, 1, false, -1, -1).maxRecordAgeMillis()).isEqualTo(-1);
        assertThat(s.phase(new FixedRandom(0.25))).isEqualTo(250);
        assertThatThrownBy(() -> new KinesisShardPoller(0, s, 1_000)).hasMessage("phaseMillis: must be 0 to 999, got 1000");
        KinesisShardPoller poller = new KinesisShardPoller(0, s, 0);
        poller.written(record(1, "k", 10));
        assertThatThrownBy(() -> poller.written(record(2, "k", 5)))
                .hasMessage("record.arrivedAt: must not be before the shard's last record (10), got 5");
        assertThatThrownBy(() -> poller.completed(new Batch(0, 0, List.of(), 0), OK, 0))
                .hasMessage("batch: not the one in flight on lane 0 of shard 0");
    }
}
