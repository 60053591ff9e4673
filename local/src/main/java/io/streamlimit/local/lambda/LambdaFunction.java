package io.streamlimit.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.FunctionScaling;
import io.streamlimit.aws.rules.FunctionScaling.Placement;
import io.streamlimit.runtime.FunctionContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One emulated Lambda function on the wall clock. Whether an invoke is throttled, and whether it
 * runs on a provisioned, warm or new (cold) environment, is the shared {@link FunctionScaling}
 * rule's decision, as in the simulator; so are the per-invoke overhead and the cold start's
 * duration (the init, or with SnapStart the restore), which this emulator waits out before the
 * handler starts. A cold start creates a new
 * handler instance; a timeout stops an overrunning invocation and, as
 * {@link FunctionScaling#environmentAfter} says, resets its environment: it goes back to its pool
 * and its next invocation creates a new handler instance (the init runs again, on that
 * invocation's path).
 *
 * <p>Provisioned concurrency: the constructor creates and initializes
 * {@link FunctionConfig#provisionedConcurrency()} environments (handler instances) before anything
 * can invoke the function; they are used first, as Lambda routes to provisioned environments
 * before spilling over to on-demand ones, and are not cold starts.
 */
public final class LambdaFunction<I, O> implements AutoCloseable {

    private final FunctionConfig config;
    private final Supplier<? extends RequestHandler<I, O>> environmentFactory;
    private final FunctionScaling scaling;
    private final Clock clock;
    private final LambdaObserver observer;
    private final Waiter waiter;
    private final ConcurrentLinkedDeque<Environment<I, O>> idleProvisioned = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Environment<I, O>> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger environmentsCreated = new AtomicInteger();
    private final ExecutorService runtime = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambda-runtime");
        t.setDaemon(true);
        return t;
    });

    /** A function that behaves as {@code behaviour} says: its scaling limits, cold start and invoke overhead. */
    public LambdaFunction(FunctionConfig config, Supplier<? extends RequestHandler<I, O>> environmentFactory,
            AwsBehaviour behaviour, Clock clock, LambdaObserver observer) {
        this(config, environmentFactory, behaviour, clock, observer, new WallClockWaiter(clock));
    }

    /** The same, waiting through {@code waiter}. */
    public LambdaFunction(FunctionConfig config, Supplier<? extends RequestHandler<I, O>> environmentFactory,
            AwsBehaviour behaviour, Clock clock, LambdaObserver observer, Waiter waiter) {
        this(config, environmentFactory, FunctionScaling.of(behaviour, config.reservedConcurrency(), config.snapStart()),
                clock, observer, waiter);
    }

    /**
     * A function without modelled delays (no cold start wait, no invoke overhead, no limit on
     * creating environments), for tests and the chaos run that want only its concurrency.
     *
     * @param unreservedConcurrency what the function may use when it has no reservation
     */
    public LambdaFunction(FunctionConfig config, Supplier<? extends RequestHandler<I, O>> environmentFactory,
            int unreservedConcurrency, Clock clock, LambdaObserver observer) {
        this(config, environmentFactory, new FunctionScaling(
                config.reservedConcurrency() != null ? config.reservedConcurrency() : unreservedConcurrency,
                Integer.MAX_VALUE, 0, 1, 0, 0), clock, observer, new WallClockWaiter(clock));
    }

    private LambdaFunction(FunctionConfig config, Supplier<? extends RequestHandler<I, O>> environmentFactory,
            FunctionScaling scaling, Clock clock, LambdaObserver observer, Waiter waiter) {
        this.config = config;
        this.waiter = waiter;
        this.environmentFactory = environmentFactory;
        this.scaling = scaling;
        int concurrencyLimit = scaling.ceiling();
        this.clock = clock;
        this.observer = observer;
        if (config.provisionedConcurrency() > concurrencyLimit) {
            throw new IllegalArgumentException("provisionedConcurrency: must be at most the concurrency limit "
                    + concurrencyLimit + ", got " + config.provisionedConcurrency());
        }
        for (int i = 0; i < config.provisionedConcurrency(); i++) {
            idleProvisioned.addLast(new Environment<>("env-pc-" + UUID.randomUUID(), environmentFactory.get(), true, false));
        }
    }

    public FunctionConfig config() {
        return config;
    }

    /** Invokes synchronously; returns at once with {@link InvokeResult.Throttled} when no concurrency is free. */
    public InvokeResult<O> invoke(I event, int batchSize) {
        return invoke(event, batchSize, clock.millis());
    }

    /**
     * Invokes synchronously, the invoke having been due at {@code invokedAtMillis} (the attempt a
     * rule decided): the emulator's own latency since then counts towards the modelled start delay
     * instead of adding to it, so the handler starts as the model says, or as soon as the emulator
     * can. The delay counts from the invoke, not from the receive before it
     * ({@link FunctionScaling#startDelayMillis}).
     */
    public InvokeResult<O> invoke(I event, int batchSize, long invokedAtMillis) {
        Placement placement;
        Environment<I, O> environment = null;
        synchronized (scaling) {
            placement = scaling.place(clock.millis(), busy.get(), !idleProvisioned.isEmpty(), !idle.isEmpty());
            if (placement == Placement.THROTTLED) {
                observer.throttled(clock.instant(), batchSize);
                return new InvokeResult.Throttled<>();
            }
            busy.incrementAndGet();
            if (placement == Placement.PROVISIONED) {
                environment = idleProvisioned.pollFirst();
            } else if (placement == Placement.WARM) {
                environment = idle.pollFirst();
            }
        }
        try {
            return run(event, batchSize, placement, environment, Math.min(invokedAtMillis, clock.millis()));
        } finally {
            busy.decrementAndGet();
        }
    }

    private InvokeResult<O> run(I event, int batchSize, Placement placement, Environment<I, O> warm, long invokedAt) {
        Environment<I, O> environment = warm;
        boolean reset = warm != null && warm.reset();
        if (environment == null) {
            environment = new Environment<>("env-" + UUID.randomUUID(), environmentFactory.get(), false, false);
            environmentsCreated.incrementAndGet();
            observer.coldStart(environment.id(), clock.instant(), scaling.coldStartMillis());
        } else if (reset) {
            // The same environment, its runtime initialized again: a new handler instance.
            environment = new Environment<>(warm.id(), environmentFactory.get(), warm.provisioned(), false);
            observer.coldStart(environment.id(), clock.instant(), scaling.coldStartMillis());
        }
        // The rule's start delay (overhead, and an init) counts the real init too.
        if (!waiter.until(invokedAt + scaling.startDelayMillis(placement, reset))) {
            release(environment);
            return new InvokeResult.FunctionError<>(new InterruptedException("stopped before the handler started"));
        }
        String requestId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        Instant deadline = started.plus(config.timeout());
        FunctionContext context = new FunctionContext(requestId, config.name(), environment.id(), config.memoryMb(), deadline, clock);
        RequestHandler<I, O> handler = environment.handler();
        Future<O> running = runtime.submit(() -> handler.handleRequest(event, context));
        try {
            O output = running.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            release(environment);
            return new InvokeResult.Success<>(output);
        } catch (TimeoutException e) {
            // AWS stops the runtime and resets the environment: its next invocation runs the init.
            running.cancel(true);
            if (FunctionScaling.environmentAfter(true) == FunctionScaling.EnvironmentAfter.RESET) {
                release(new Environment<>(environment.id(), environment.handler(), environment.provisioned(), true));
            } else {
                release(environment);
            }
            observer.timedOut(requestId, environment.id(), clock.instant());
            return new InvokeResult.TimedOut<>();
        } catch (ExecutionException e) {
            release(environment);
            return new InvokeResult.FunctionError<>(e.getCause());
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return new InvokeResult.FunctionError<>(e);
        } finally {
            long durationMillis = clock.millis() - started.toEpochMilli();
            observer.invoked(requestId, environment.id(), started, durationMillis, batchSize);
            if (environment.provisioned()) {
                observer.ranOnProvisioned(requestId, durationMillis);
            }
        }
    }

    private void release(Environment<I, O> environment) {
        (environment.provisioned() ? idleProvisioned : idle).addFirst(environment);
    }

    /** Invocations running now. */
    public int busy() {
        return busy.get();
    }

    public int concurrencyLimit() {
        return scaling.ceiling();
    }

    /** Environments created on demand, each a cold start (the provisioned ones are not counted). */
    public int environmentsCreated() {
        return environmentsCreated.get();
    }

    /** Provisioned environments idle now, initialized and waiting for an invocation. */
    public int idleProvisionedEnvironments() {
        return idleProvisioned.size();
    }

    @Override
    public void close() {
        runtime.shutdownNow();
    }

    /** @param reset its last invocation timed out: the next one creates a new handler instance first */
    private record Environment<I, O>(String id, RequestHandler<I, O> handler, boolean provisioned, boolean reset) {
    }
}
