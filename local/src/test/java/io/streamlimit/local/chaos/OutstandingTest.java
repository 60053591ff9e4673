package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OutstandingTest {

    @Test
    void the_wait_ends_when_the_last_event_finishes_on_another_thread() throws Exception {
        Outstanding outstanding = new Outstanding();
        outstanding.add();
        outstanding.add();
        outstanding.done();
        CompletableFuture<Void> finisher = CompletableFuture.runAsync(outstanding::done);

        assertThat(outstanding.awaitNone(Duration.ofSeconds(10))).isTrue();
        finisher.join();
        assertThat(outstanding.count()).isZero();
    }

    @Test
    void the_wait_gives_up_after_its_limit_while_an_event_is_still_out() throws Exception {
        Outstanding outstanding = new Outstanding();
        outstanding.add();

        assertThat(outstanding.awaitNone(Duration.ofMillis(50))).isFalse();
        assertThat(outstanding.count()).isEqualTo(1);
    }
}
