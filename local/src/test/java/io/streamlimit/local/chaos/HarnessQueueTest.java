package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.StreamEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HarnessQueueTest {

    private static final Duration VISIBILITY = Duration.ofMillis(400);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final HarnessQueue queue = new HarnessQueue(clock, VISIBILITY, 3);
    private final List<QueuedMessage> deadLetters = new ArrayList<>();

    @Test
    void a_failed_message_is_hidden_for_the_visibility_timeout_then_received_again() {
        QueuedMessage m = message("m1", "u", "s1");
        queue.add(m);
        List<QueuedMessage> batch = receive();
        queue.settle(batch, Set.of("m1"), x -> false);

        assertThat(queue.visible(10)).isZero();
        clock.advance(VISIBILITY.minusMillis(1));
        assertThat(receive()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(receive()).containsExactly(m);
        assertThat(m.receives).isEqualTo(2);
    }

    @Test
    void a_message_out_of_receives_goes_to_the_dead_letter_queue_instead() {
        QueuedMessage m = message("m1", "u", "s1");
        queue.add(m);
        for (int i = 0; i < 3; i++) {
            queue.settle(receive(), Set.of("m1"), x -> false);
            clock.advance(VISIBILITY);
        }

        assertThat(receive()).isEmpty();
        assertThat(deadLetters).containsExactly(m);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void a_processed_message_is_deleted_unless_its_delete_was_lost() {
        QueuedMessage kept = message("m1", "u", "s1");
        QueuedMessage lost = message("m2", "u", "s2");
        queue.add(kept);
        queue.add(lost);
        queue.settle(receive(), Set.of(), x -> x == lost);

        clock.advance(VISIBILITY);
        assertThat(receive()).containsExactly(lost);
    }

    @Test
    void a_batch_holds_at_most_three_messages_of_one_uid_and_the_rest_wait() {
        for (int i = 0; i < 5; i++) {
            queue.add(message("m" + i, "u", "s" + i));
        }
        queue.add(message("m9", "v", "s9"));

        assertThat(queue.receive(10, 3, deadLetters::add)).extracting(m -> m.id).containsExactly("m0", "m1", "m2", "m9");
    }

    private List<QueuedMessage> receive() {
        List<QueuedMessage> batch = queue.receive(10, 3, deadLetters::add);
        batch.forEach(m -> m.receives++);
        return batch;
    }

    private static QueuedMessage message(String id, String uid, String stream) {
        StreamEvent event = StreamEvent.open(uid, stream);
        return new QueuedMessage(id, Bodies.of(event, false), event, null);
    }
}
