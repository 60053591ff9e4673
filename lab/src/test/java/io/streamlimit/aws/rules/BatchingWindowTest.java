package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batching window as documented (services-sqs-configure.html): Lambda invokes when the window
 * reaches its maximum, or the batch size is met; without a window, with what a receive returned.
 */
class BatchingWindowTest {

    @ParameterizedTest(name = "size {0}, window {1} ms, {3} held at {2} (first at 1000): {4}")
    @CsvSource({
            // batchSize, windowMillis, now, held, next (invoke, or gather until a time)
            "10, 0, 1000, 1, invoke",       // no window: invoke with what one receive returned
            "10, 0, 1000, 10, invoke",
            "10, 5000, 1000, 3, 6000",      // a window: gather until it closes
            "10, 5000, 5999, 9, 6000",
            "10, 5000, 6000, 3, invoke",    // the window closed
            "10, 5000, 2000, 10, invoke",   // the batch is full before the window closes
            "1, 5000, 1000, 1, invoke",
    })
    void a_held_batch_is_invoked_when_full_or_when_its_window_closes(int batchSize, long windowMillis, long now,
                                                                      int held, String next) {
        BatchingWindow window = new BatchingWindow(batchSize, windowMillis);
        BatchingWindow.Next expected = next.equals("invoke")
                ? new BatchingWindow.InvokeNow() : new BatchingWindow.GatherUntil(Long.parseLong(next));
        assertThat(window.next(now, held, 1_000)).isEqualTo(expected);
    }

    @Test
    void what_is_no_batch_is_refused() {
        assertThatThrownBy(() -> new BatchingWindow(0, 0)).hasMessage("batchSize: must be above 0, got 0");
        assertThatThrownBy(() -> new BatchingWindow(10, -1)).hasMessage("windowMillis: must be 0 or more, got -1");
        BatchingWindow window = new BatchingWindow(10, 1_000);
        assertThatThrownBy(() -> window.next(0, 0, 0)).hasMessage("held: must be 1 to 10, got 0");
        assertThatThrownBy(() -> window.next(0, 11, 0)).hasMessage("held: must be 1 to 10, got 11");
    }
}
