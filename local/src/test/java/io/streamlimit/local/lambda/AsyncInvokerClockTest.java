package io.streamlimit.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamlimit.aws.AwsBehaviour;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The async queue times its events on the clock it is given, never on the machine's. */
class AsyncInvokerClockTest {

    @Test
    void on_a_clock_a_day_ahead_of_the_machine_an_accepted_event_is_invoked_at_once() {
        Clock dayAhead = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
        List<String> handled = new CopyOnWriteArrayList<>();
        try (LambdaFunction<String, Void> function = new LambdaFunction<>(
                        new FunctionConfig("f", 1, Duration.ofSeconds(10), 128), () -> (event, context) -> {
                            handled.add(event);
                            return null;
                        }, 900, dayAhead, LambdaObserver.NONE);
                AsyncInvoker<String> invoker = new AsyncInvoker<>(function, AwsBehaviour.current(), dayAhead,
                        new AsyncObserver<>() { }, 1)) {
            invoker.enqueue("event-1");

            // Timed on the machine's clock, the event would wait a day.
            await().atMost(Duration.ofSeconds(10)).until(() -> invoker.pending() == 0);
            assertThat(handled).containsExactly("event-1");
        }
    }
}
