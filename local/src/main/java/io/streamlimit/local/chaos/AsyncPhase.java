package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventType;
import io.streamlimit.event.EventWriter;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.local.lambda.AsyncInvoker;
import io.streamlimit.local.lambda.FunctionConfig;
import io.streamlimit.local.lambda.LambdaFunction;
import io.streamlimit.local.sns.LambdaSubscription;
import io.streamlimit.local.sns.LocalTopic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The SNS -> Lambda part of a round: events go through the local topic to the emulator's
 * asynchronous invocation ({@link AsyncInvoker}, with the shared rules {@code AsyncRetrySchedule}
 * and {@code AsyncReader}) and the real SNS consumer handler, which applies them to the ledger in
 * dynalite. The async queue hands some events over twice on its own; the function has three
 * environments, so attempts are throttled and retried with backoff; some attempts fail before or
 * after the handler and are retried (twice at most); some events fail on every retry, and while
 * as many attempts as it has environments hold them all past the maximum event age, events throttled meanwhile
 * expire: both kinds go to the on-failure DLQ with their reason. Every good event must be
 * applied exactly once or be in the DLQ with its reason ({@link AsyncVerdict}).
 */
final class AsyncPhase {

    /** Lambda's asynchronous rules at chaos speed: the same rules, with their times shortened. */
    static final AwsBehaviour RULES = AwsBehaviour.current().toBuilder()
            .asyncFirstErrorRetryDelay(Duration.ofMillis(200))
            .asyncSecondErrorRetryDelay(Duration.ofMillis(400))
            .asyncThrottleInitialBackoff(Duration.ofMillis(50))
            .asyncThrottleMaxBackoff(Duration.ofMillis(800))
            .asyncMaximumEventAge(Duration.ofSeconds(5))
            .asyncDeliveryRatePerSecond(100)
            .build();
    private static final int RESERVED_CONCURRENCY = 3;
    private static final int DISPATCHERS = 5;
    private static final Duration PUBLISH_PAUSE = Duration.ofMillis(200);
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SLOW = Duration.ofMillis(150);
    private static final Duration STALL = RULES.asyncMaximumEventAge().plusSeconds(1);
    private static final int VICTIMS = 4;
    private static final Duration MAX_WAIT = Duration.ofSeconds(90);

    private final ChaosOptions options;
    private final LedgerStore store;
    private final LedgerSettings settings;
    private final ChaosReport report;
    private final String prefix;
    private final FaultPlan.Async plan;
    private final Random random;
    private final History history = new History();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final Map<String, AsyncFate> fates = new ConcurrentHashMap<>();
    private final Set<String> duplicated = ConcurrentHashMap.newKeySet();
    private final Map<String, String> keys = new LinkedHashMap<>(); // body -> event key, good events only
    private final Map<String, String> deadLettered = new ConcurrentHashMap<>(); // body -> reason
    private final Outstanding outstanding = new Outstanding();
    private long seq;

    AsyncPhase(ChaosOptions options, LedgerStore store, LedgerSettings settings, ChaosReport report, String prefix,
               FaultPlan.Async plan) {
        this.options = options;
        this.store = store;
        this.settings = settings;
        this.report = report;
        this.prefix = prefix;
        this.plan = plan;
        this.random = new Random(options.seed() * 15_485_863L);
    }

    void run() throws InterruptedException {
        ManualClock ledgerClock = ManualClock.startingNow();
        Ledger ledger = new Ledger(store, settings, ledgerClock);
        CountDownLatch stalled = new CountDownLatch(RESERVED_CONCURRENCY);
        AsyncConsumer consumer = new AsyncConsumer(ledger, history, applied, fates, outstanding, SLOW, STALL, stalled::countDown);
        List<String> uids = new ArrayList<>();
        List<String> lifecycle = lifecycleEvents(uids);
        List<String> poison = poison();
        String stallUid = prefix + "-astall";
        List<String> stalls = new ArrayList<>();
        for (int s = 0; s < RESERVED_CONCURRENCY; s++) {
            stalls.add(good(EventType.OPEN, stallUid, "s" + s, AsyncFate.STALL));
        }
        List<String> victims = new ArrayList<>();
        for (int v = 0; v < VICTIMS; v++) {
            victims.add(good(EventType.OPEN, prefix + "-avictim" + v, "v", AsyncFate.NORMAL));
        }
        uids.add(stallUid);
        report.goodEvents(keys.size());
        report.poisonSent(poison.size());
        LocalTopic topic = new LocalTopic(prefix + "-async", Clock.systemUTC());
        AsyncEvents events = new AsyncEvents(report, outstanding, deadLettered, fates);
        try (LambdaFunction<SNSEvent, Void> function = new LambdaFunction<>(
                     new FunctionConfig(prefix + "-async-consumer", RESERVED_CONCURRENCY, FUNCTION_TIMEOUT, 512),
                     () -> consumer, RESERVED_CONCURRENCY, Clock.systemUTC(), events);
             AsyncInvoker<SNSEvent> invoker = new AsyncInvoker<>(function, RULES, Clock.systemUTC(), events, DISPATCHERS)) {
            topic.subscribe(new DuplicatingSubscription(new LambdaSubscription(invoker), outstanding, duplicated, report));
            int half = lifecycle.size() / 2;
            publish(topic, lifecycle.subList(0, half));
            publish(topic, poison);
            awaitQuiet("the first half");
            // Every environment held past the maximum event age: the victims are throttled until they expire.
            publish(topic, stalls);
            if (!stalled.await(MAX_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                report.violation(ChaosPipeline.SNS_LAMBDA, new Violation("harness", "-", "the stalling attempts never ran"));
            }
            publish(topic, victims);
            awaitQuiet("the stall");
            publish(topic, lifecycle.subList(half, lifecycle.size()));
            awaitQuiet("the second half");
        }
        new AsyncVerdict(report, settings, store).judge(keys, fates, applied, deadLettered, history, uids, ledger, ledgerClock);
        report.operations(ChaosPipeline.SNS_LAMBDA, "async end to end (concurrent)", history.size());
    }

    /** Per uid: a opened and closed; b never closed (its lease must free it); c closed before it is opened. */
    private List<String> lifecycleEvents(List<String> uids) {
        List<String> bodies = new ArrayList<>();
        for (int u = 0; u < options.pipelineUids(); u++) {
            String uid = prefix + "-a" + u;
            uids.add(uid);
            bodies.add(good(EventType.CLOSE, uid, "c", fate()));
            bodies.add(good(EventType.OPEN, uid, "a", fate()));
            bodies.add(good(EventType.OPEN, uid, "b", fate()));
            bodies.add(good(EventType.CLOSE, uid, "a", fate()));
            bodies.add(good(EventType.OPEN, uid, "c", fate()));
            report.fault(ChaosPipeline.SNS_LAMBDA, FaultKind.CLOSE_BEFORE_OPEN);
            report.fault(ChaosPipeline.SNS_LAMBDA, FaultKind.NEVER_CLOSED);
        }
        return bodies;
    }

    private AsyncFate fate() {
        AsyncFate fate = switch (FaultPlan.pick(random.nextDouble(), plan.errorBefore(), plan.errorAfter(), plan.alwaysFails(), plan.slow())) {
            case 0 -> AsyncFate.ERROR_BEFORE_ONCE;
            case 1 -> AsyncFate.ERROR_AFTER_ONCE;
            case 2 -> AsyncFate.ALWAYS_FAILS;
            case 3 -> AsyncFate.SLOW;
            default -> AsyncFate.NORMAL;
        };
        if (fate != AsyncFate.NORMAL && fate != AsyncFate.SLOW) {
            report.fault(ChaosPipeline.SNS_LAMBDA, FaultKind.CONSUMER_EXCEPTION);
        }
        return fate;
    }

    private String good(EventType type, String uid, String stream, AsyncFate fate) {
        StreamEvent event = new StreamEvent(type, uid, uid + "-" + stream, null, prefix, seq++);
        String body = EventWriter.toJson(event);
        keys.put(body, BatchRecorder.key(event));
        fates.put(body, fate);
        if (fate == AsyncFate.NORMAL && random.nextDouble() < plan.queueDuplicate()) {
            duplicated.add(body);
        }
        return body;
    }

    private List<String> poison() {
        List<String> bodies = new ArrayList<>();
        for (int p = 0; p < Math.max(1, options.pipelinePoison() / 2); p++) {
            String body = Bodies.poison(random, prefix + "-apoison" + p + "-x", 60_000);
            fates.put(body, AsyncFate.POISON);
            bodies.add(body);
            report.fault(ChaosPipeline.SNS_LAMBDA, FaultKind.POISON_MESSAGE);
        }
        return bodies;
    }

    /** Publishes ten at a time at the producer's pace, which the function keeps up with unless a fault stops it. */
    private static void publish(LocalTopic topic, List<String> bodies) throws InterruptedException {
        for (int i = 0; i < bodies.size(); i += 10) {
            topic.publish(bodies.subList(i, Math.min(i + 10, bodies.size())));
            Thread.sleep(PUBLISH_PAUSE.toMillis());
        }
    }

    private void awaitQuiet(String stage) throws InterruptedException {
        if (!outstanding.awaitNone(MAX_WAIT)) {
            report.violation(ChaosPipeline.SNS_LAMBDA, new Violation("harness", "-", outstanding.count()
                    + " events still in the async queue " + MAX_WAIT.toSeconds() + " s after " + stage));
        }
    }
}
