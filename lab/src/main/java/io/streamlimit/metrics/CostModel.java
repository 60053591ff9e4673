package io.streamlimit.metrics;

import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;

/**
 * The cost of a run from AWS list prices: Lambda compute from the invocations' durations and the
 * run's memory, and every request from the counts the run recorded. The free tier is ignored,
 * as it is shared by everything else in an account.
 *
 * <p>Request counts ({@link io.streamlimit.results.RunRecord#requestCounts()}; a missing key is 0):
 * {@code sqsRequests}, {@code snsPublishes}, {@code dynamoWriteUnits}, {@code dynamoReadUnits},
 * {@code httpRequests}, and {@code lambdaInvocations}: the billed Lambda requests if the producer
 * knows them; never fewer than the run's INVOKE events are billed.
 *
 * <p>Provisioned concurrency: {@code provisionedConcurrency} is how many environments were
 * configured, and {@code lambdaProvisionedBilledMillis} how much of the invocations' time ran on
 * them. That time pays the lower provisioned duration price, the rest the on-demand price, and
 * the configured environments pay for the time they are configured. AWS bills that from enabling
 * to disabling, rounded up to 5 minutes; a lab run's stack is not there to know, so the model
 * assumes provisioned concurrency is enabled for the run alone (from the run's start to its end,
 * or its first to last invocation when the run has no start and end) and charges
 * max(5 minutes, that time rounded up to 5 minutes).
 *
 * <p>Kinesis: {@code kinesisShards} shards for the run's time, {@code kinesisPayloadUnits} PUT
 * payload units and {@code kinesisPuts} REST API requests (each put through the proxy, throttled
 * ones too); as deployed, the shards are a standing charge.
 *
 * <p>Provisioned pollers (the SQS mapping's provisioned mode): {@code minimumPollers} and
 * {@code pollerMillisAboveMinimum}, the poller-time the mapping ran above its minimum. Each poller
 * is one event poller unit (EPU), billed per second with a 1-minute minimum: the minimum pollers
 * for the run (at least a minute), the others for their time. Their SQS receives are in
 * {@code sqsRequests} like standard mode's.
 *
 * <p>FIFO ({@code fifoPipeline} 1, the pipeline sns-fifo-sqs-fifo-lambda): {@code sqsRequests} at the
 * FIFO queue's request price, {@code snsPublishes} at the FIFO topic's publish price plus one
 * subscription message each (the one FIFO queue subscribed), and {@code snsPayloadBytes}, the
 * published events' bytes, at the FIFO topic's payload prices for the publish and its delivery.
 */
public final class CostModel implements CostEstimator {

    /** When the prices below were the list prices (us-east-1); check them before relying on a figure. */
    public static final YearMonth PRICES_AS_OF = YearMonth.of(2025, 11);
    public static final String PRICES_REGION = "us-east-1";

    // Lambda pricing page: $0.20 per 1M requests; $0.0000166667 per GB-s (x86), $0.0000133334 (arm64).
    public static final double LAMBDA_USD_PER_MILLION_REQUESTS = 0.20;
    public static final double LAMBDA_USD_PER_GB_SECOND_X86 = 0.0000166667;
    public static final double LAMBDA_USD_PER_GB_SECOND_ARM64 = 0.0000133334;
    // Same page, "Provisioned Concurrency Pricing" (2025 list prices): the configured concurrency
    // $0.0000041667 per GB-s (x86), $0.0000033334 (arm64), billed from enabling to disabling
    // rounded up to 5 minutes; invocations on provisioned environments pay duration at
    // $0.0000097222 per GB-s (x86), $0.0000077778 (arm64), instead of the on-demand price above.
    public static final double PROVISIONED_CONCURRENCY_USD_PER_GB_SECOND_X86 = 0.0000041667;
    public static final double PROVISIONED_CONCURRENCY_USD_PER_GB_SECOND_ARM64 = 0.0000033334;
    public static final double PROVISIONED_DURATION_USD_PER_GB_SECOND_X86 = 0.0000097222;
    public static final double PROVISIONED_DURATION_USD_PER_GB_SECOND_ARM64 = 0.0000077778;
    /** Provisioned concurrency is billed in whole 5-minute periods. */
    public static final long PROVISIONED_BILLING_PERIOD_SECONDS = 300;
    // SQS pricing page: $0.40 per 1M requests (standard queue; each 64 KB chunk, empty receives too).
    public static final double SQS_USD_PER_MILLION_REQUESTS = 0.40;
    // Lambda pricing page, "Provisioned mode for event source mappings" (November 2025, us-east-1):
    // $0.00925 per event poller unit (EPU) hour, metered per second with a 1-minute minimum; for
    // SQS one poller is one EPU (up to 1 MB/s, 10 concurrent invokes or 10 polling calls a second).
    // The pollers' SQS requests are billed as SQS requests.
    public static final double PROVISIONED_POLLER_USD_PER_EPU_HOUR = 0.00925;
    public static final long PROVISIONED_POLLER_MINIMUM_BILLED_SECONDS = 60;
    // SNS pricing page: $0.50 per 1M publishes; delivery to SQS and Lambda is free.
    public static final double SNS_USD_PER_MILLION_PUBLISHES = 0.50;
    // FIFO queue requests: $0.50 per 1M (first 100 billion a month, us-east-1), the SQS pricing page
    // (https://aws.amazon.com/sqs/pricing/) as quoted by third-party summaries the stored docs hold
    // (cloudburn.io/blog/amazon-sqs-pricing, factualminds.com ...amazon-sqs-pricing-64kb-rule-fifo-vs-standard,
    // March and June 2026); the pricing page itself is not among them.
    public static final double SQS_FIFO_USD_PER_MILLION_REQUESTS = 0.50;
    // FIFO topic publish and PublishBatch requests: $0.30 per 1M, the SNS pricing page
    // (https://aws.amazon.com/sns/pricing/) as quoted by factualminds.com/blog/amazon-sns-pricing-publishes-fanout-protocols
    // (June 2026); the pricing page itself is not in the stored docs.
    public static final double SNS_FIFO_USD_PER_MILLION_PUBLISHES = 0.30;
    // Assumption: the rest of the SNS pricing page's FIFO section, not found in the stored docs and
    // written from the page as last read (2025): $0.017 per GB of published payload, and per
    // subscription message (each delivery to a FIFO queue) $0.01 per 1M and $0.001 per GB of payload.
    // A GB is taken as 2^30 bytes.
    public static final double SNS_FIFO_USD_PER_GB_PUBLISHED = 0.017;
    public static final double SNS_FIFO_USD_PER_MILLION_SUBSCRIPTION_MESSAGES = 0.01;
    public static final double SNS_FIFO_USD_PER_GB_DELIVERED = 0.001;
    // DynamoDB on-demand pricing page (after the November 2024 cut).
    public static final double DYNAMODB_USD_PER_MILLION_WRITE_UNITS = 0.625;
    public static final double DYNAMODB_USD_PER_MILLION_READ_UNITS = 0.125;
    // API Gateway pricing page: HTTP APIs, first 300M requests a month.
    public static final double HTTP_API_USD_PER_MILLION_REQUESTS = 1.00;

    // Kinesis Data Streams pricing page (https://aws.amazon.com/kinesis/data-streams/pricing/),
    // provisioned mode: $0.015 per shard-hour, $0.014 per 1M PUT payload units (a record's 25 KB
    // chunks, at least one a record). Shard-hours are charged for the run's time, unrounded: a
    // stack is deployed for days, whose shard-hours are the standing charge (deployedCostUsd).
    public static final double KINESIS_USD_PER_SHARD_HOUR = 0.015;
    public static final double KINESIS_USD_PER_MILLION_PUT_PAYLOAD_UNITS = 0.014;
    // API Gateway pricing page: REST APIs (the Kinesis proxy is a REST API's AWS integration),
    // first 333M requests a month.
    public static final double REST_API_USD_PER_MILLION_REQUESTS = 3.50;

    public static final String KINESIS_SHARDS = "kinesisShards";
    public static final String KINESIS_PUTS = "kinesisPuts";
    public static final String KINESIS_PAYLOAD_UNITS = "kinesisPayloadUnits";

    public static final String LAMBDA_INVOCATIONS = "lambdaInvocations";
    public static final String SQS_REQUESTS = "sqsRequests";
    public static final String SNS_PUBLISHES = "snsPublishes";
    /** 1 on the FIFO pipeline (its requests at FIFO prices); absent elsewhere. */
    public static final String FIFO_PIPELINE = "fifoPipeline";
    /** The published events' bytes; recorded on the FIFO pipeline, whose topic bills payload. */
    public static final String SNS_PAYLOAD_BYTES = "snsPayloadBytes";
    public static final String DYNAMO_WRITE_UNITS = "dynamoWriteUnits";
    public static final String DYNAMO_READ_UNITS = "dynamoReadUnits";
    public static final String HTTP_REQUESTS = "httpRequests";
    public static final String PROVISIONED_CONCURRENCY = "provisionedConcurrency";
    public static final String LAMBDA_PROVISIONED_BILLED_MILLIS = "lambdaProvisionedBilledMillis";
    public static final String MINIMUM_POLLERS = "minimumPollers";
    public static final String POLLER_MILLIS_ABOVE_MINIMUM = "pollerMillisAboveMinimum";

    public enum Architecture { X86_64, ARM64 }

    private static final double MILLION = 1_000_000.0;
    private static final double GB = 1024.0 * 1024 * 1024;

    private final Architecture architecture;
    private final double usdPerGbSecond;
    private final double provisionedUsdPerGbSecond;
    private final double provisionedDurationUsdPerGbSecond;

    /** The architecture the CDK app deploys the functions on (cdk's JavaFunctions.ARCHITECTURE). */
    public static final Architecture DEPLOYED_ARCHITECTURE = Architecture.ARM64;

    /** Priced as deployed: {@link #DEPLOYED_ARCHITECTURE}. */
    public CostModel() {
        this(DEPLOYED_ARCHITECTURE);
    }

    public CostModel(Architecture architecture) {
        this.architecture = architecture;
        boolean arm = architecture == Architecture.ARM64;
        this.usdPerGbSecond = arm ? LAMBDA_USD_PER_GB_SECOND_ARM64 : LAMBDA_USD_PER_GB_SECOND_X86;
        this.provisionedUsdPerGbSecond = arm
                ? PROVISIONED_CONCURRENCY_USD_PER_GB_SECOND_ARM64 : PROVISIONED_CONCURRENCY_USD_PER_GB_SECOND_X86;
        this.provisionedDurationUsdPerGbSecond = arm
                ? PROVISIONED_DURATION_USD_PER_GB_SECOND_ARM64 : PROVISIONED_DURATION_USD_PER_GB_SECOND_X86;
    }

    public Architecture architecture() {
        return architecture;
    }

    @Override
    public double costUsd(RunData data) {
        return breakdown(data).totalUsd();
    }

    @Override
    public double provisionedConcurrencyUsd(RunData data) {
        return breakdown(data).provisionedConcurrencyUsd();
    }

    @Override
    public StandingCharges standingCharges(RunData data) {
        Map<String, Long> counts = data.run().requestCounts();
        return standingCharges(count(counts, PROVISIONED_CONCURRENCY), data.run().memoryMb(),
                count(counts, MINIMUM_POLLERS))
                .withKinesisShards(kinesisShardsUsdPerDay(count(counts, KINESIS_SHARDS)));
    }

    /** A provisioned stream of {@code shards} a day: 24 shard-hours each. */
    public static double kinesisShardsUsdPerDay(long shards) {
        return shards * 24 * KINESIS_USD_PER_SHARD_HOUR;
    }

    /** The standing charges of {@code provisionedConcurrency} environments of {@code memoryMb}. */
    public StandingCharges standingCharges(long provisionedConcurrency, int memoryMb) {
        return standingCharges(provisionedConcurrency, memoryMb, 0);
    }

    /**
     * The standing charges of {@code provisionedConcurrency} environments of {@code memoryMb} and
     * of an SQS mapping's {@code minimumPollers} (0 in standard mode).
     */
    public StandingCharges standingCharges(long provisionedConcurrency, int memoryMb, long minimumPollers) {
        return new StandingCharges(provisionedConcurrency * memoryMb / 1024.0
                * (StandingCharges.MILLIS_PER_DAY / 1000) * provisionedUsdPerGbSecond,
                pollersUsdPerDay(minimumPollers));
    }

    /** {@code pollers} event pollers for a whole day. */
    public static double pollersUsdPerDay(long pollers) {
        return pollers * 24 * PROVISIONED_POLLER_USD_PER_EPU_HOUR;
    }

    /** The EPU-seconds billed for {@code pollers} kept for {@code millis}: per second, a minute at least. */
    public static long pollerBilledSeconds(long pollers, long millis) {
        if (pollers == 0) {
            return 0;
        }
        long seconds = (Math.max(0, millis) + 999) / 1000;
        return pollers * Math.max(PROVISIONED_POLLER_MINIMUM_BILLED_SECONDS, seconds);
    }

    /**
     * The run's cost with provisioned concurrency billed for the whole days its traffic spans
     * (at least one) in place of the run's 5-minute periods: a stack is not deployed for one run.
     * The traffic spans its events' first to last publish, so the drain after a day of traffic
     * does not make it two; without recorded events, the run.
     */
    @Override
    public double deployedCostUsd(RunData data) {
        InvocationIntervals intervals = InvocationIntervals.of(data);
        CostBreakdown cost = breakdown(data, intervals);
        long days = StandingCharges.deployedDays(trafficMillis(data, intervals));
        double runShardHours = kinesisShardHoursUsd(data, intervals);
        double minimumPollersRunUsd = minimumPollersUsd(data, intervals);
        return cost.totalUsd() - cost.provisionedConcurrencyUsd() - runShardHours - minimumPollersRunUsd
                + standingCharges(data).usdPerDay() * days;
    }

    /**
     * The seconds of provisioned concurrency billed for a run of {@code runMillis}: the run rounded
     * up to whole 5-minute periods, at least one period.
     */
    public static long provisionedBilledSeconds(long runMillis) {
        long periodMillis = PROVISIONED_BILLING_PERIOD_SECONDS * 1_000;
        long periods = Math.max(1, (Math.max(0, runMillis) + periodMillis - 1) / periodMillis);
        return periods * PROVISIONED_BILLING_PERIOD_SECONDS;
    }

    public CostBreakdown breakdown(RunData data) {
        return breakdown(data, InvocationIntervals.of(data));
    }

    CostBreakdown breakdown(RunData data, InvocationIntervals intervals) {
        Map<String, Long> counts = data.run().requestCounts();
        long invokes = data.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.INVOKE).count();
        long lambdaRequests = Math.max(invokes, count(counts, LAMBDA_INVOCATIONS));
        long provisioned = count(counts, PROVISIONED_CONCURRENCY);
        long provisionedMillis = provisioned > 0
                ? Math.min(intervals.totalMillis(), count(counts, LAMBDA_PROVISIONED_BILLED_MILLIS)) : 0;
        double onDemandGbSeconds = (intervals.totalMillis() - provisionedMillis) / 1000.0 * data.run().memoryMb() / 1024.0;
        double compute = onDemandGbSeconds * usdPerGbSecond;
        double provisionedConcurrencyUsd = 0;
        if (provisioned > 0) {
            double gb = data.run().memoryMb() / 1024.0;
            compute += provisionedMillis / 1000.0 * gb * provisionedDurationUsdPerGbSecond;
            provisionedConcurrencyUsd = provisioned * gb * provisionedBilledSeconds(runMillis(data, intervals))
                    * provisionedUsdPerGbSecond;
        }
        double pollersUsd = minimumPollersUsd(data, intervals)
                + count(counts, POLLER_MILLIS_ABOVE_MINIMUM) / 1000 * PROVISIONED_POLLER_USD_PER_EPU_HOUR / 3600;
        return new CostBreakdown(
                lambdaRequests / MILLION * LAMBDA_USD_PER_MILLION_REQUESTS,
                compute,
                provisionedConcurrencyUsd,
                sqsUsd(counts),
                snsUsd(counts),
                count(counts, DYNAMO_WRITE_UNITS) / MILLION * DYNAMODB_USD_PER_MILLION_WRITE_UNITS
                        + count(counts, DYNAMO_READ_UNITS) / MILLION * DYNAMODB_USD_PER_MILLION_READ_UNITS,
                count(counts, HTTP_REQUESTS) / MILLION * HTTP_API_USD_PER_MILLION_REQUESTS,
                kinesisShardHoursUsd(data, intervals)
                        + count(counts, KINESIS_PAYLOAD_UNITS) / MILLION * KINESIS_USD_PER_MILLION_PUT_PAYLOAD_UNITS
                        + count(counts, KINESIS_PUTS) / MILLION * REST_API_USD_PER_MILLION_REQUESTS,
                pollersUsd);
    }

    /** Standard or FIFO queue requests. */
    private static double sqsUsd(Map<String, Long> counts) {
        return count(counts, SQS_REQUESTS) / MILLION
                * (fifo(counts) ? SQS_FIFO_USD_PER_MILLION_REQUESTS : SQS_USD_PER_MILLION_REQUESTS);
    }

    /** Standard publishes; or FIFO publishes, each delivered to the one queue, and their payload both ways. */
    private static double snsUsd(Map<String, Long> counts) {
        long publishes = count(counts, SNS_PUBLISHES);
        if (!fifo(counts)) {
            return publishes / MILLION * SNS_USD_PER_MILLION_PUBLISHES;
        }
        double gb = count(counts, SNS_PAYLOAD_BYTES) / GB;
        return publishes / MILLION * (SNS_FIFO_USD_PER_MILLION_PUBLISHES + SNS_FIFO_USD_PER_MILLION_SUBSCRIPTION_MESSAGES)
                + gb * (SNS_FIFO_USD_PER_GB_PUBLISHED + SNS_FIFO_USD_PER_GB_DELIVERED);
    }

    private static boolean fifo(Map<String, Long> counts) {
        return count(counts, FIFO_PIPELINE) > 0;
    }

    /** The stream's shards for the run's time. */
    private static double kinesisShardHoursUsd(RunData data, InvocationIntervals intervals) {
        long shards = count(data.run().requestCounts(), KINESIS_SHARDS);
        return shards == 0 ? 0 : shards * runMillis(data, intervals) / 3_600_000.0 * KINESIS_USD_PER_SHARD_HOUR;
    }

    /** The minimum pollers for the run (a minute at least); 0 in standard mode. */
    private static double minimumPollersUsd(RunData data, InvocationIntervals intervals) {
        long pollers = count(data.run().requestCounts(), MINIMUM_POLLERS);
        return pollerBilledSeconds(pollers, runMillis(data, intervals)) * PROVISIONED_POLLER_USD_PER_EPU_HOUR / 3600;
    }

    /** First to last publish of the run's recorded events; the run when it recorded none. */
    private static long trafficMillis(RunData data, InvocationIntervals intervals) {
        if (data.invocations().isEmpty()) {
            return runMillis(data, intervals);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (var row : data.invocations()) {
            first = Math.min(first, row.sentAt().toEpochMilli());
            last = Math.max(last, row.sentAt().toEpochMilli());
        }
        return last - first;
    }

    /** How long provisioned concurrency is assumed enabled: the run, from its record or else its invocations. */
    private static long runMillis(RunData data, InvocationIntervals intervals) {
        if (data.run().startedAt() != null && data.run().endedAt() != null) {
            return Duration.between(data.run().startedAt(), data.run().endedAt()).toMillis();
        }
        return intervals.isEmpty() ? 0 : intervals.lastEnd() - intervals.firstStart();
    }

    private static long count(Map<String, Long> counts, String key) {
        Long value = counts.get(key);
        return value == null ? 0 : value;
    }
}
