package io.streamlimit.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The emulator's cold start with and without SnapStart: the shared rule's init (or restore) is
 * what the emulator waits before the handler starts, and what it reports for the run's records.
 */
class SnapStartFunctionTest {

    private static final long NOW = 1_000_000;
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private final List<Long> waitedUntil = new CopyOnWriteArrayList<>();
    private final List<Long> inits = new CopyOnWriteArrayList<>();
    private final Waiter recordingWaiter = epochMillis -> waitedUntil.add(epochMillis);
    private final LambdaObserver observer = new LambdaObserver() {
        @Override
        public void coldStart(String environmentId, Instant at, long initMillis) {
            inits.add(initMillis);
        }
    };
    private final RequestHandler<String, String> handler = (event, context) -> event;

    @ParameterizedTest(name = "SnapStart {0}: the handler starts {1} ms after the invoke, the init reported {2} ms")
    @CsvSource({"false, 430, 400", "true, 70, 40"})
    void a_cold_invoke_waits_for_the_init_or_with_snapstart_the_restore(boolean snapStart, long delay, long init) {
        FunctionConfig config = new FunctionConfig("f", 2, Duration.ofSeconds(10), 512).withSnapStart(snapStart);
        try (LambdaFunction<String, String> function = new LambdaFunction<>(config, () -> handler,
                AwsBehaviour.current(), clock, observer, recordingWaiter)) {
            assertThat(function.invoke("a", 1, NOW)).isInstanceOf(InvokeResult.Success.class);
            assertThat(function.invoke("b", 1, NOW)).isInstanceOf(InvokeResult.Success.class); // warm now
        }
        assertThat(waitedUntil).containsExactly(NOW + delay, NOW + 30);
        assertThat(inits).containsExactly(init);
    }

    @Test
    void snapstart_is_refused_with_provisioned_concurrency_and_under_a_profile_without_it() {
        assertThatThrownBy(() -> new FunctionConfig("f", 2, Duration.ofSeconds(10), 512, 1, true))
                .hasMessage("snapStart: cannot be combined with provisioned concurrency (1)");
        FunctionConfig snap = new FunctionConfig("f", 2, Duration.ofSeconds(10), 512).withSnapStart(true);
        assertThatThrownBy(() -> snap.validate(AwsProfiles.named("2020")))
                .hasMessage("snapStart: this AWS behaviour has no SnapStart");
        assertThat(snap.validate(AwsBehaviour.current())).isSameAs(snap);
    }
}
