package io.streamlimit.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulated function's environments: provisioned ones exist before the first invoke and never start cold. */
class LambdaFunctionTest {

    private static final int PROVISIONED = 3;

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger handlersCreated = new AtomicInteger();
    private final Recording observer = new Recording();

    /** Each new environment is a new handler instance; every invocation waits until the test releases it. */
    private final Supplier<RequestHandler<String, String>> environments = () -> {
        handlersCreated.incrementAndGet();
        return (event, context) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return context.getLogStreamName();
        };
    };

    @AfterEach
    void releaseAndStop() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void the_first_n_concurrent_invocations_are_warm_and_the_next_one_starts_cold() throws Exception {
        try (LambdaFunction<String, String> function = new LambdaFunction<>(
                new FunctionConfig("f", 5, Duration.ofSeconds(30), 512, PROVISIONED), environments, 900,
                Clock.systemUTC(), observer)) {
            // Built: the provisioned environments are created and initialized, and none was a cold start.
            assertThat(handlersCreated).hasValue(PROVISIONED);
            assertThat(function.idleProvisionedEnvironments()).isEqualTo(PROVISIONED);
            assertThat(observer.coldStarts).isEmpty();

            List<Future<InvokeResult<String>>> running = new ArrayList<>();
            for (int i = 0; i < PROVISIONED; i++) {
                running.add(invoke(function, "event-" + i));
            }
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> function.busy() == PROVISIONED && function.idleProvisionedEnvironments() == 0);
            // N running at once, all on provisioned environments: no new handler, no cold start.
            assertThat(handlersCreated).hasValue(PROVISIONED);
            assertThat(observer.coldStarts).isEmpty();

            running.add(invoke(function, "event-" + PROVISIONED));
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> function.busy() == PROVISIONED + 1 && !observer.coldStarts.isEmpty());
            // The N+1th finds every provisioned environment busy: an on-demand one, a cold start.
            assertThat(observer.coldStarts).hasSize(1).allMatch(id -> id.startsWith("env-") && !id.startsWith("env-pc-"));
            assertThat(handlersCreated).hasValue(PROVISIONED + 1);
            assertThat(function.environmentsCreated()).isEqualTo(1);

            release.countDown();
            List<String> ranOn = new ArrayList<>();
            for (Future<InvokeResult<String>> invocation : running) {
                InvokeResult<String> result = invocation.get(10, TimeUnit.SECONDS);
                assertThat(result).isInstanceOf(InvokeResult.Success.class);
                ranOn.add(((InvokeResult.Success<String>) result).output());
            }
            assertThat(ranOn).filteredOn(id -> id.startsWith("env-pc-")).hasSize(PROVISIONED).doesNotHaveDuplicates();
            assertThat(ranOn).filteredOn(id -> !id.startsWith("env-pc-")).containsExactlyElementsOf(observer.coldStarts);
            // The observer heard which invocations ran on provisioned environments, for the cost model.
            await().atMost(10, TimeUnit.SECONDS).until(() -> observer.invoked.size() == PROVISIONED + 1);
            assertThat(observer.ranOnProvisioned).hasSize(PROVISIONED);

            // Idle again: the next invocation goes to a provisioned environment first, still no new cold start.
            InvokeResult<String> next = function.invoke("event-after", 1);
            assertThat(((InvokeResult.Success<String>) next).output()).startsWith("env-pc-");
            assertThat(observer.coldStarts).hasSize(1);
        }
    }

    @Test
    void without_provisioned_concurrency_the_first_invocation_starts_cold() {
        release.countDown();
        try (LambdaFunction<String, String> function = new LambdaFunction<>(
                new FunctionConfig("f", 5, Duration.ofSeconds(30), 512), environments, 900, Clock.systemUTC(), observer)) {
            assertThat(handlersCreated).hasValue(0);

            function.invoke("event", 1);

            assertThat(observer.coldStarts).hasSize(1);
            assertThat(observer.ranOnProvisioned).isEmpty();
        }
    }

    @Test
    void a_timeout_resets_its_environment_and_the_next_invocation_on_it_runs_the_init_again() {
        try (LambdaFunction<String, String> function = new LambdaFunction<>(
                new FunctionConfig("f", 1, Duration.ofSeconds(1), 512), environments, 900, Clock.systemUTC(), observer)) {
            InvokeResult<String> first = function.invoke("hangs", 1);
            assertThat(first).isInstanceOf(InvokeResult.TimedOut.class);
            assertThat(observer.coldStarts).hasSize(1);
            String environment = observer.coldStarts.get(0);

            release.countDown();
            InvokeResult<String> second = function.invoke("returns", 1);

            // The same environment (it still counts once), with its runtime initialized again:
            // a new handler instance and a second init on that environment.
            assertThat(((InvokeResult.Success<String>) second).output()).isEqualTo(environment);
            assertThat(observer.coldStarts).containsExactly(environment, environment);
            assertThat(handlersCreated).hasValue(2);
            assertThat(function.environmentsCreated()).isEqualTo(1);
        }
    }

    @Test
    void provisioned_concurrency_above_the_reserved_concurrency_is_refused() {
        assertThatThrownBy(() -> new FunctionConfig("f", 2, Duration.ofSeconds(30), 512, 3))
                .hasMessageStartingWith("provisionedConcurrency: must be 0 to 2");
    }

    private Future<InvokeResult<String>> invoke(LambdaFunction<String, String> function, String event) {
        return callers.submit(() -> function.invoke(event, 1));
    }

    private static final class Recording implements LambdaObserver {
        final List<String> coldStarts = new CopyOnWriteArrayList<>();
        final List<String> invoked = new CopyOnWriteArrayList<>();
        final List<String> ranOnProvisioned = new CopyOnWriteArrayList<>();

        @Override
        public void coldStart(String environmentId, Instant at) {
            coldStarts.add(environmentId);
        }

        @Override
        public void invoked(String requestId, String environmentId, Instant startedAt, long durationMillis, int batchSize) {
            invoked.add(requestId);
        }

        @Override
        public void ranOnProvisioned(String requestId, long durationMillis) {
            ranOnProvisioned.add(requestId);
        }
    }
}
