package io.streamlimit.local.run;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.SqsDeadLetters;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.LedgerWriters;
import io.streamlimit.consumer.SnsConsumerHandler;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerTableSchema;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.streamlimit.consumer.KinesisConsumerHandler;
import io.streamlimit.aws.rules.KinesisShards;
import io.streamlimit.aws.rules.KinesisWriteLimits;
import io.streamlimit.local.kinesis.KinesisEventPublisher;
import io.streamlimit.local.kinesis.ShardWriteLimits;
import java.util.Random;
import io.streamlimit.local.lambda.AsyncInvoker;
import io.streamlimit.local.lambda.KinesisEventSourceMapping;
import io.streamlimit.local.lambda.KinesisMappingConfig;
import io.streamlimit.producer.EventPublisher;
import io.streamlimit.scenario.StreamSpec;
import io.streamlimit.local.lambda.FunctionConfig;
import io.streamlimit.local.lambda.LambdaFunction;
import io.streamlimit.local.lambda.SqsEventSourceMapping;
import io.streamlimit.local.lambda.SqsMappingConfig;
import io.streamlimit.local.lambda.Waiter;
import io.streamlimit.local.lambda.WallClockWaiter;
import io.streamlimit.local.sns.LambdaSubscription;
import io.streamlimit.local.sns.LocalTopic;
import io.streamlimit.local.sns.SqsSubscription;
import io.streamlimit.local.sqs.MessageGroupDeduplication;
import io.streamlimit.local.sqs.QueueWithDlq;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.metrics.CostModel;
import io.streamlimit.producer.SnsEventPublisher;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DeduplicationScope;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Runs one scenario end to end on the local stack: the producer publishes to the local topic,
 * which feeds the queue and the event source mapping (or Lambda's async queue), which invoke the
 * real consumer handler on the emulated Lambda; the handler applies each event to the ledger in
 * dynalite and calls the scenario's downstream, which records the rows.
 */
public final class LocalRun {

    /** Ledger writer threads of one run's consumer at most (its environments share them). */
    static final int MAX_LEDGER_WRITERS = 64;

    private final LocalStack stack;
    private final AwsBehaviour behaviour;
    private final Clock clock;
    private final RunProgress progress;
    private final UnaryOperator<Downstream> faults;
    private final Waiter waiter;

    public LocalRun(LocalStack stack, AwsBehaviour behaviour, Clock clock, RunProgress progress) {
        this(stack, behaviour, clock, progress, UnaryOperator.identity());
    }

    /** @param faults wraps the scenario's downstream, to inject failures and delays in tests and chaos runs */
    public LocalRun(LocalStack stack, AwsBehaviour behaviour, Clock clock, RunProgress progress, UnaryOperator<Downstream> faults) {
        this(stack, behaviour, clock, progress, faults, new WallClockWaiter(clock));
    }

    /** @param waiter how the emulator waits for the times the rules decide (a {@link WallClockWaiter} measures how late) */
    public LocalRun(LocalStack stack, AwsBehaviour behaviour, Clock clock, RunProgress progress, UnaryOperator<Downstream> faults,
            Waiter waiter) {
        this.stack = stack;
        this.behaviour = behaviour;
        this.clock = clock;
        this.progress = progress;
        this.faults = faults;
        this.waiter = waiter;
    }

    /** The rows of the run, the ledger it wrote (for checks), the events it sent and the order they took effect in the ledger. */
    public record Result(RunData data, Ledger ledger, List<StreamEvent> events, AppliedOrder applied) {

        public Result(RunData data, Ledger ledger, List<StreamEvent> events) {
            this(data, ledger, events, null);
        }
    }

    /** @throws io.streamlimit.scenario.ScenarioException when the scenario breaks a limit of this run's behaviour */
    public Result run(Scenario scenario, LocalRunOptions options) throws InterruptedException {
        scenario.validate(behaviour);
        if (scenario.pipeline() == Pipeline.API_KINESIS_LAMBDA && stack.kinesis() == null) {
            throw new IllegalStateException("api-kinesis-lambda needs the local Kinesis: start the stack with"
                    + " LocalStackOptions.withKinesis");
        }
        String runId = options.runId();
        EventsSpec eventsSpec = options.eventsOverride() == null ? scenario.events() : withTotal(scenario.events(), options.eventsOverride());
        List<StreamEvent> events = ScenarioEvents.generate(eventsSpec, runId);
        RunRecorder recorder = new RunRecorder(runId);

        String table = LedgerTableSchema.DEFAULT_TABLE_NAME + "-" + runId;
        stack.dynamoDb().createTable(LedgerTableSchema.createTableRequest(table));
        AppliedOrder applied = new AppliedOrder(new LedgerRequestCounter(new DynamoDbLedgerStore(stack.dynamoDb(), table), recorder));
        Ledger ledger = new Ledger(applied, LedgerSettings.defaults(), clock);
        ConsumerSpec consumer = scenario.consumer();
        // The queue and its DLQ exist before the consumer, which moves unparseable messages to that DLQ itself.
        // With sns-lambda the DLQ is the async queue's on-failure destination, which the consumer may use too.
        Pipeline pipeline = scenario.pipeline();
        QueueWithDlq queue = !pipeline.queued() ? null
                : pipeline.fifo() ? QueueWithDlq.createFifo(stack.sqs(), "streamlimit-" + runId, scenario.queue().visibilityTimeoutSeconds(),
                        scenario.queue().maxReceiveCount(), scenario.queue().fifo())
                : QueueWithDlq.create(stack.sqs(), "streamlimit-" + runId, scenario.queue().visibilityTimeoutSeconds(),
                        scenario.queue().maxReceiveCount());
        String dlqUrl = queue != null ? queue.dlqUrl()
                : stack.sqs().createQueue(b -> b.queueName("streamlimit-" + runId + "-dlq")).queueUrl();
        ConsumerService service = new ConsumerService(new EventParser(), ledger,
                applied.observing(faults.apply(new LabDownstream(scenario.downstream(), scenario.consumer().faults(), scenario.name(),
                        clock, recorder))),
                new LedgerWriters(ledgerWriters(scenario)), new SqsDeadLetters(stack.sqs(), dlqUrl));
        FunctionConfig functionConfig = new FunctionConfig(scenario.name() + "-consumer", consumer.reservedConcurrency(),
                Duration.ofSeconds(consumer.timeoutSeconds()), consumer.memoryMb(), consumer.provisionedConcurrency(),
                consumer.snapStart())
                .validate(behaviour);
        if (consumer.provisionedConcurrency() > 0) {
            // The function creates its provisioned environments when it is built, before the first publish.
            recorder.count(CostModel.PROVISIONED_CONCURRENCY, consumer.provisionedConcurrency());
        }

        // A FIFO topic delivers each viewer's events in order; SNS's CreateTopic is not served, so the run makes it.
        LocalTopic topic = pipeline.fifo()
                ? LocalTopic.fifo("streamlimit-" + runId + LocalTopic.FIFO_SUFFIX, clock, false, behaviour.fifoDeduplicationInterval())
                : new LocalTopic("streamlimit-" + runId, clock);
        stack.snsServer().addTopic(topic);
        EventPublisher toTopic = new SnsEventPublisher(stack.sns(), topic.arn());
        if (topic.isFifo()) {
            // FIFO requests have their own prices, and a FIFO topic bills the bytes published.
            recorder.count(CostModel.FIFO_PIPELINE, 1);
            recorder.count(CostModel.SNS_PAYLOAD_BYTES, 0);
            EventPublisher fifoPublisher = new FifoEventPublisher(stack.sns(), topic.arn());
            toTopic = batch -> {
                fifoPublisher.publish(batch);
                recorder.count(CostModel.SNS_PAYLOAD_BYTES, FifoEventPublisher.payloadBytes(batch));
            };
        }
        Instant started = clock.instant();
        AtomicInteger published = new AtomicInteger();
        Instant ended;

        if (scenario.pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            // The run's own stream, with the scenario's shards; the API proxy puts each event with its uid as partition key.
            StreamSpec stream = scenario.stream();
            String streamName = "streamlimit-" + runId;
            stack.kinesis().createStream(b -> b.streamName(streamName).shardCount(stream.shards()));
            recorder.count(CostModel.KINESIS_SHARDS, stream.shards());
            recorder.count("kinesisPutThrottles", 0);
            KinesisMappingConfig mapping = KinesisMappingConfig.of(streamName, stream, behaviour, dlqUrl);
            try (service; LambdaFunction<KinesisEvent, StreamsEventResponse> function = new LambdaFunction<>(functionConfig,
                            () -> new KinesisConsumerHandler(service), behaviour, clock, recorder, waiter);
                    KinesisEventSourceMapping esm = new KinesisEventSourceMapping(stack.kinesis(), stack.sqs(), mapping,
                            function, clock, recorder, waiter);
                    DlqWatcher dlq = new DlqWatcher(stack.sqs(), dlqUrl, clock, recorder);
                    IteratorAgeSampler ages = new IteratorAgeSampler(esm, clock, recorder)) {
                esm.start();
                ages.start();
                Duration stall = Duration.ofSeconds(Math.max(60, 2L * consumer.timeoutSeconds()));
                // Each shard's write limits throttle the puts, as the shared rule says; the producer retries them.
                ShardWriteLimits limits = new ShardWriteLimits(KinesisWriteLimits.of(behaviour, stream.shards()),
                        new KinesisShards(stream.shards()), clock, new Random(1), recorder::putThrottled);
                // Events due together go in one PutRecords (up to 500): kinesis-local, one Node.js process,
                // spends about the same on a call of 500 records as on one of 10, and the model has no batches.
                ended = produceAndWait(events, eventsSpec, new KinesisEventPublisher(stack.kinesis(), streamName, limits),
                        List.of(CostModel.KINESIS_PUTS, CostModel.KINESIS_PAYLOAD_UNITS), KinesisEventPublisher.MAX_ENTRIES, false,
                        recorder, published, function,
                        () -> 0, stall, options.maxDuration(), started);
                awaitIdle(function);
            }
        } else if (pipeline.queued()) {
            // Raw delivery, as the CDK stack subscribes the queue: it holds the event, not the SNS envelope.
            // ElasticMQ deduplicates across the queue whatever DeduplicationScope says; the rule scopes it per group.
            topic.subscribe(new SqsSubscription(stack.sqs(), queue.queueUrl(), queue.queueArn(), true,
                    pipeline.fifo() && scenario.queue().fifo().deduplicationScope() == DeduplicationScope.MESSAGE_GROUP
                            ? new MessageGroupDeduplication(behaviour, clock) : null));
            SqsMappingConfig mapping = new SqsMappingConfig(queue.queueUrl(), queue.queueArn(), scenario.queue().batchSize(),
                    Duration.ofSeconds(scenario.queue().batchWindowSeconds()), consumer.maximumConcurrency(),
                    Duration.ofSeconds(scenario.queue().visibilityTimeoutSeconds()), options.longPollWait(),
                    options.localPollerCap(), behaviour,
                    scenario.queue().pollers() == null ? null : scenario.queue().pollers().minimumPollers(),
                    scenario.queue().pollers() == null ? null : scenario.queue().pollers().maximumPollers());
            try (service; LambdaFunction<SQSEvent, SQSBatchResponse> function = new LambdaFunction<>(functionConfig,
                            () -> new ConsumerHandler(service), behaviour, clock, recorder, waiter);
                    SqsEventSourceMapping esm = new SqsEventSourceMapping(stack.sqs(), mapping, function, clock, recorder, waiter);
                    DlqWatcher dlq = new DlqWatcher(stack.sqs(), queue.dlqUrl(), queue.fifo(), clock, recorder)) {
                esm.start();
                Duration stall = Duration.ofSeconds(Math.max(60, 2L * scenario.queue().visibilityTimeoutSeconds() + consumer.timeoutSeconds()));
                ended = produceAndWait(events, eventsSpec, toTopic, List.of(CostModel.SNS_PUBLISHES), ScenarioProducer.SNS_BATCH, topic.isFifo(), recorder, published, function,
                        () -> 0, stall, options.maxDuration(), started);
                awaitIdle(function);
                if (esm.minimumPollers() > 0) {
                    // Provisioned mode's pollers, as the simulator records them, for the cost.
                    recorder.count(CostModel.MINIMUM_POLLERS, esm.minimumPollers());
                    recorder.count(CostModel.POLLER_MILLIS_ABOVE_MINIMUM, esm.pollerMillisAboveMinimum());
                }
            }
        } else {
            try (service; LambdaFunction<SNSEvent, Void> function = new LambdaFunction<>(functionConfig,
                            () -> new SnsConsumerHandler(service), behaviour, clock, recorder, waiter);
                    AsyncInvoker<SNSEvent> invoker = new AsyncInvoker<>(function, behaviour, clock,
                            new OnFailureQueue(stack.sqs(), dlqUrl, recorder), options.asyncDispatchers(), waiter)) {
                topic.subscribe(new LambdaSubscription(invoker));
                Duration stall = behaviour.asyncSecondErrorRetryDelay().plus(behaviour.asyncThrottleMaxBackoff());
                ended = produceAndWait(events, eventsSpec, toTopic, List.of(CostModel.SNS_PUBLISHES), ScenarioProducer.SNS_BATCH, topic.isFifo(), recorder, published, function,
                        invoker::pending, stall, options.maxDuration(), started);
                awaitIdle(function);
            }
        }
        RunRecord run = new RunRecord(runId, scenario.name(), "local", ScenarioWriter.toJson(scenario), started, ended,
                events.size(), scenario.downstream().ratePerSecond(), consumer.memoryMb(), recorder.requestCounts());
        return new Result(new RunData(run, recorder.rows(), recorder.pipelineEvents(), recorder.pipelineCounts()), ledger, events, applied);
    }

    /**
     * Enough ledger writers for every environment the function may run at once to apply a whole
     * batch of distinct uids, as a Lambda environment does; capped, since they share one machine.
     * SNS invokes with one record, which the invoking thread applies itself.
     */
    static int ledgerWriters(Scenario scenario) {
        if (scenario.pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            // At most shards x parallelization factor batches run at once.
            StreamSpec stream = scenario.stream();
            return (int) Math.min(MAX_LEDGER_WRITERS, (long) stream.batchSize() * stream.shards() * stream.parallelizationFactor());
        }
        if (!scenario.pipeline().queued()) {
            return 1;
        }
        ConsumerSpec consumer = scenario.consumer();
        Integer concurrency = consumer.reservedConcurrency() != null ? consumer.reservedConcurrency() : consumer.maximumConcurrency();
        long wanted = (long) scenario.queue().batchSize() * (concurrency == null ? MAX_LEDGER_WRITERS : concurrency);
        return (int) Math.min(MAX_LEDGER_WRITERS, wanted);
    }

    /**
     * Lets the invocations still running finish before the function is closed: the last event is
     * recorded when its downstream call starts, and its handler then waits out the call. Closing
     * at once would interrupt that handler, which logs the interrupted call as a failure though
     * the run succeeded. Bounded by the function's timeout, after which Lambda would stop it too.
     */
    private void awaitIdle(LambdaFunction<?, ?> function) throws InterruptedException {
        long deadline = clock.millis() + function.config().timeout().toMillis() + 1_000;
        while (function.busy() > 0 && clock.millis() < deadline) {
            Thread.sleep(20);
        }
    }

    /** @return when the run was over: every event resolved, or it stalled or ran out of time */
    private Instant produceAndWait(List<StreamEvent> events, EventsSpec spec, EventPublisher target, List<String> billedAs,
            int maxBatch, boolean ordered, RunRecorder recorder, AtomicInteger published, LambdaFunction<?, ?> function, java.util.function.IntSupplier asyncPending,
            Duration stall, Duration maxDuration, Instant started) throws InterruptedException {
        AtomicReference<RuntimeException> producerError = new AtomicReference<>();
        CountingPublisher publisher = new CountingPublisher(target, published);
        Thread producer = new Thread(() -> {
            try {
                new ScenarioProducer(publisher, spec, clock, recorder, billedAs, maxBatch, ordered).publishAll(events);
            } catch (RuntimeException e) {
                producerError.set(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer-main");
        producer.setDaemon(true);
        producer.start();

        int lastDone = -1;
        Instant lastChange = clock.instant();
        while (true) {
            int done = recorder.resolvedEvents();
            Instant now = clock.instant();
            progress.update(new RunProgress.Snapshot(events.size(), published.get(), recorder.completedEvents(),
                    recorder.deadLetteredEvents(), function.busy(), recorder.throttles(), Duration.between(started, now)));
            if (producerError.get() != null) {
                throw producerError.get();
            }
            boolean allPublished = published.get() >= events.size();
            if (allPublished && done >= events.size() && asyncPending.getAsInt() == 0) {
                return now;
            }
            if (done != lastDone) {
                lastDone = done;
                lastChange = now;
            } else if (allPublished && Duration.between(lastChange, now).compareTo(stall) > 0) {
                return now;
            }
            if (Duration.between(started, now).compareTo(maxDuration) > 0) {
                return now;
            }
            Thread.sleep(200);
        }
    }

    private static EventsSpec withTotal(EventsSpec spec, int total) {
        return spec.withTotal(total);
    }

}
