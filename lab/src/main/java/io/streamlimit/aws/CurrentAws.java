package io.streamlimit.aws;

import java.time.Duration;

/**
 * The values of the {@code current} profile: AWS as documented in late 2025. Each value says
 * where it comes from and whether it is documented, fitted to the real runs in
 * docs/FIDELITY.md, or an assumption; check a figure in the AWS documentation before changing it.
 */
final class CurrentAws {

    static final AwsBehaviour BEHAVIOUR = new AwsBehaviourBuilder()
            // ---------- SQS event source mapping ----------
            // Documented: the mapping long-polls the queue
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html); 20 s is
            // ReceiveMessage's longest WaitTimeSeconds
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html);
            // that the mapping uses the longest wait is an assumption.
            .longPollWait(Duration.ofSeconds(20))
            // Documented (standard mode, the default): with messages waiting the mapping starts with
            // 5 concurrent invokes, adds up to 300 a minute (60 before the 2023-24 change, see
            // AwsProfiles), at most 1,250 per mapping, and when traffic is low falls back to 5 and
            // as low as 2, not below 5 with MaximumConcurrency
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html as revised
            // for provisioned mode in November 2025; older copies of the page said 1,000, and
            // https://repost.aws/knowledge-center/lambda-sqs-scaling says 1,250 too).
            .initialConcurrentBatches(5)
            .concurrentBatchesAddedPerMinute(300)
            .maxConcurrentBatches(1_250)
            .minConcurrentBatches(2)
            // Documented: ScalingConfig.MaximumConcurrency is 2 to 1,000 (since January 2023)
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html,
            // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-eventsourcemapping-scalingconfig.html).
            .minMaximumConcurrency(2)
            .maxMaximumConcurrency(1_000)
            // Assumption: how often the mapping reconsiders its number of concurrent batches.
            .mappingScalingTick(Duration.ofSeconds(1))
            // Fitted. AWS documents only that on throttles, and on function errors without
            // ReportBatchItemFailures, it "gradually backs off retries by reducing the amount of
            // concurrency allocated" to the mapping, with no figures
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
            // 0.65 batches a throttle: fitted to the June 2020 trace's consumer-2 (its start-gap
            // median and p90, 1.306 s and 2.038 s) together with the mean below; see
            // docs/FIDELITY.md. The error share is taken equal, for want of data.
            .mappingBatchesRemovedPerThrottle(0.65)
            .mappingBatchesRemovedPerError(0.65)
            // Fitted. AWS documents that a throttled batch is retried until its visibility timeout
            // runs out (same page), not how often. A random, memoryless wait with a 12 s mean at
            // reserved concurrency 1: fitted to run 03's 105 of 1,000 events in the DLQ with a 10 s
            // visibility timeout, and consistent with consumer-2's exponential pauses between
            // invocations. InvokeRetry divides it by the function's concurrency (a mechanism, not
            // a fit: each environment meets the retries one environment meets at 1), which lands
            // run 05 (reserved concurrency 5, never fitted to) at 275 to 295 s against a real 261 s;
            // a fixed 12 s gave 310 to 353 s (docs/MODEL.md).
            .heldBatchRetryMeanInterval(Duration.ofSeconds(12))
            // Documented: batch size 1 to 10 without a batching window, up to 10,000 with one;
            // batching window 0 to 300 s
            // (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).
            .maxBatchSizeWithoutWindow(10)
            .maxBatchSizeWithWindow(10_000)
            .maxBatchWindowSeconds(300)
            // Documented guidance: visibility timeout at least 6 x the function timeout (plus the
            // batching window) and maxReceiveCount at least 5
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
            .recommendedVisibilityToTimeoutRatio(6)
            .recommendedMinMaxReceiveCount(5)

            // ---------- SQS event source mapping, provisioned mode (November 2025) ----------
            // Documented: ProvisionedPollerConfig.MinimumPollers 2 to 200 for SQS (default 2);
            // MaximumPollers 2 to 2,000 (default 200)
            // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-eventsourcemapping-provisionedpollerconfig.html,
            // https://docs.aws.amazon.com/lambda/latest/api/API_ProvisionedPollerConfig.html).
            // Newer API text says SQS accepts up to 10,000 MaximumPollers; we take 2,000, what
            // CloudFormation (the CDK app's way in) and cfn-lint 1.51 accept, and what AWS's
            // launch post's "up to 20,000 concurrency" is at 10 invokes a poller
            // (https://aws.amazon.com/blogs/aws/aws-lambda-enhances-sqs-processing-with-new-provisioned-mode-3x-faster-scaling-16x-higher-capacity/).
            .minMinimumPollers(2)
            .maxMinimumPollers(200)
            .minMaximumPollers(2)
            .maxMaximumPollers(2_000)
            // Documented: one event poller (one event poller unit, EPU) handles up to 1 MB/s, up to
            // 10 concurrent invokes or up to 10 SQS polling calls a second
            // (https://aws.amazon.com/lambda/pricing/, "Provisioned mode for event source mappings";
            // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html). The model
            // uses the 10 concurrent invokes: the lab's messages are small (far below 1 MB/s) and a
            // poller's receives are bounded by its batches; neither other limit is modelled.
            // Mapping MaximumConcurrency cannot be combined with provisioned mode: the ceiling is
            // the pollers', 10 x MaximumPollers (same page).
            .concurrentInvokesPerPoller(10)
            // Documented: in provisioned mode the mapping adds up to 1,000 concurrent invokes a
            // minute, "3 times faster" than standard mode's 300 (same pages, and the launch post).
            .provisionedConcurrentInvokesAddedPerMinute(1_000)

            // ---------- Lambda ----------
            // Documented: 1,000 concurrent executions per account and Region by default, 100 of
            // them always unreserved
            // (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html,
            // https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
            .accountConcurrency(1_000)
            .unreservedMinimum(100)
            // Documented (since November 2023): each function may add 1,000 execution environments
            // every 10 s, so 1,000 at once
            // (https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html).
            .environmentBurst(1_000)
            .environmentsAddedPerWindow(1_000)
            .scalingWindow(Duration.ofSeconds(10))
            // Assumption: a new environment's init before its first invocation (typical Java,
            // 512 MB, no SnapStart); AWS publishes no figure
            // (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).
            .coldStart(Duration.ofMillis(400))
            // Documented: SnapStart for Java (since November 2022) initializes the function when a
            // version is published, snapshots the initialized environment and resumes new
            // environments from that snapshot instead of initializing them: "up to 10x" faster
            // starts, "as low as sub-second"; free for Java (the cache and restore charges are
            // Python's and .NET's); published versions and their aliases only; not with provisioned
            // concurrency (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html,
            // https://aws.amazon.com/about-aws/whats-new/2022/11/aws-lambda-snapstart-java-functions/).
            .snapStartAvailable(true)
            // Assumption: a restore's duration, taken as the "up to 10x" claim applied to the 400 ms
            // init above (itself an assumption). AWS publishes no restore figure; a function's own
            // Restore Duration in its REPORT lines is what a calibration would fit it to.
            .snapStartRestore(Duration.ofMillis(40))
            // Fitted. From an invoke to the handler's start: 30 ms, fitted to the June 2020 trace
            // (consumer-3: an idle environment is invoked again 50 to 80 ms after it finishes, a
            // receive included; consumer-2's shortest start gaps, 1.045 s for a 1 s handler). It
            // counts from the invoke, after the receive (FunctionScaling.startDelayMillis).
            .invokeOverhead(Duration.ofMillis(30))
            // Documented: timeout 1 s to 900 s
            // (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html);
            // memory 128 MB to 10,240 MB
            // (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
            .maxFunctionTimeout(Duration.ofSeconds(900))
            .minMemoryMb(128)
            .maxMemoryMb(10_240)

            // ---------- Lambda asynchronous invocation ----------
            // Documented: on a function error, 2 retries, about 1 and 2 minutes later; on a throttle,
            // retries whose interval grows exponentially from 1 s to at most 5 minutes, for up to
            // MaximumEventAgeInSeconds (6 hours by default), then the on-failure destination
            // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
            .asyncErrorRetries(2)
            .asyncFirstErrorRetryDelay(Duration.ofMinutes(1))
            .asyncSecondErrorRetryDelay(Duration.ofMinutes(2))
            .asyncThrottleInitialBackoff(Duration.ofSeconds(1))
            .asyncThrottleMaxBackoff(Duration.ofMinutes(5))
            .asyncMaximumEventAge(Duration.ofHours(6))
            // Fitted. The async queue's read rate for one function: 16.6 a second, the mean of run
            // 01 of the original experiments and of the June 2020 trace's consumer-1 (16 to 18 a
            // second, never 1,000 at once, though nothing throttled them); AWS documents
            // only that it "reduces the rate at which it reads events from the queue" under throttles
            // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
            // AsyncReader reads at random moments at this mean rate: consumer-1 got 0 to 30 a second.
            .asyncDeliveryRatePerSecond(16.6)
            // Measured and fitted. A lone throttled async event retries at the documented doubling
            // or a little longer, never shorter: the step lengthened at random by up to this share.
            // A 2025 measurement (two 60 s invokes at reserved concurrency 1; shared calibration
            // notes) saw gaps of 1, 2, 4, 8, about 17, then 35 s: 6 throttles and a start 67.9 s
            // after the invoke (simulated: 6 throttles, 127 to 129 s to the end of the run, real
            // about 128 s). An earlier reading had the doubling "slightly shortened": that was
            // wrong. AWS adds that the interval "might be longer if the queue is backed up": a
            // backlog of n throttled events spreads its retries over the step, a random share of
            // up to 1 - 1/n taken off and the lengthening weighed by 1/n (AsyncRetrySchedule),
            // which reproduces run 02's completed share at 300, 600, 900 and 1,200 s (0.26, 0.53,
            // 0.78, 0.92; see docs/FIDELITY.md); retries in lockstep made the run twice as long
            // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
            .asyncRetryJitter(0.2)

            // ---------- SQS ----------
            // Documented: visibility timeout 0 s to 12 h
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html);
            // at most 10 messages per receive
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html);
            // maxReceiveCount 1 to 1,000
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html).
            .maxVisibilityTimeout(Duration.ofHours(12))
            .maxMessagesPerReceive(10)
            .minMaxReceiveCount(1)
            .maxMaxReceiveCount(1_000)

            // ---------- Kinesis Data Streams and its event source mapping ----------
            // Documented: a provisioned stream has no per-stream shard limit; the account's default
            // shard quota is 20,000 in us-east-1, us-west-2 and eu-west-1 (1,000 or 6,000 elsewhere),
            // and one stream cannot hold more than its account
            // (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html).
            .maxStreamShards(20_000)
            // Documented: for Kinesis, BatchSize 1 to 10,000, default 100 (no batching window needed
            // above 10, unlike SQS); MaximumBatchingWindowInSeconds 0 to 300; ParallelizationFactor 1
            // to 10, default 1; MaximumRetryAttempts -1 (infinite, the default) or 0 to 10,000;
            // MaximumRecordAgeInSeconds -1 (infinite, the default) or 60 to 604,800
            // (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html,
            // https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html).
            .defaultStreamBatchSize(100)
            .maxStreamBatchSize(10_000)
            .maxStreamBatchWindowSeconds(300)
            .maxParallelizationFactor(10)
            .maxStreamRetryAttempts(10_000)
            .minStreamRecordAgeSeconds(60)
            .maxStreamRecordAgeSeconds(604_800)
            // Documented: "Lambda polls shards in your Kinesis data stream for records at a base rate
            // of once per second for each shard" (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html);
            // that a shard with a batch in flight or records waiting is read again at once is an
            // assumption (KinesisShardPoller).
            .shardPollInterval(Duration.ofSeconds(1))
            // Documented: each shard takes up to 1,000 records or 1 MB (1,048,576 bytes) of writes a
            // second, beyond which PutRecord(s) fails with ProvisionedThroughputExceededException
            // (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html,
            // https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html).
            .shardWriteRecordsPerSecond(1_000)
            .shardWriteBytesPerSecond(1_048_576)
            // Assumption: API Gateway's AWS integration does not retry a throttled PutRecords (the
            // client gets the error); the producer retries as the AWS SDKs' standard retry mode
            // does, exponential backoff with full jitter from 100 ms up to 20 s
            // (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html), for as
            // long as it takes, so that no accepted event is dropped at the producer.
            .putRetryInitialBackoff(Duration.ofMillis(100))
            .putRetryMaxBackoff(Duration.ofSeconds(20))
            // ---------- SQS FIFO queues and SNS FIFO topics ----------
            // Documented: an SQS event source mapping on a FIFO queue takes batches of 1 to 10, and
            // no batching window ("Batching window is not supported for FIFO queues")
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html).
            .maxFifoBatchSize(10)
            // Documented: a deduplication id sent again within 5 minutes is accepted and dropped,
            // even after the first message was received and deleted
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-key-terms.html);
            // SNS FIFO topics deduplicate over the same 5 minutes
            // (https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html).
            .fifoDeduplicationInterval(Duration.ofMinutes(5))
            // Documented: without high throughput a FIFO queue serves 300 calls a second per API
            // action (SendMessage, ReceiveMessage, DeleteMessage), so 3,000 messages a second with
            // batches of 10 (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html,
            // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/troubleshooting-fifo-throttling-issues.html).
            .fifoApiCallsPerSecond(300)
            // Documented, per Region: with high throughput (deduplication per message group and the
            // quota per message group id) 70,000 non-batched calls a second per API action in US East
            // (N. Virginia), US West (Oregon) and Europe (Ireland), fewer elsewhere (same quota page,
            // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/high-throughput-fifo.html);
            // the figure of those three Regions.
            .fifoHighThroughputApiCallsPerSecond(70_000)
            // Documented: a message group lives in one partition, and a partition serves 300 calls
            // a second per API action (3,000 messages with batches)
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/partitions-and-data-distribution.html).
            .fifoApiCallsPerSecondPerGroup(300)
            // Documented: an SNS FIFO topic with topic-scope throughput takes 3,000 messages a second
            // (and 20 MB a second); with message-group scope the Region's higher limit applies,
            // 300 messages a second per message group
            // (https://docs.aws.amazon.com/general/latest/gr/sns.html,
            // https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_sns.FifoThroughputScope.html).
            // Assumption: the 30,000 a second of message-group scope per topic (US East's figure as
            // remembered from the quota page, not checked against it here).
            .snsFifoMessagesPerSecond(3_000)
            .snsFifoHighThroughputMessagesPerSecond(30_000)
            .snsFifoMessagesPerSecondPerGroup(300)
            .build();

    private CurrentAws() {
    }
}
