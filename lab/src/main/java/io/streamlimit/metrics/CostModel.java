package io.streamlimit.metrics;

import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
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
 */
public final class CostModel implements CostEstimator {

    /** When the prices below were the list prices (us-east-1); check them before relying on a figure. */
    public static final YearMonth PRICES_AS_OF = YearMonth.of(2025, 11);
    public static final String PRICES_REGION = "us-east-1";

    // Lambda pricing page: $0.20 per 1M requests; $0.0000166667 per GB-s (x86), $0.0000133334 (arm64).
    public static final double LAMBDA_USD_PER_MILLION_REQUESTS = 0.20;
    public static final double LAMBDA_USD_PER_GB_SECOND_X86 = 0.0000166667;
    public static final double LAMBDA_USD_PER_GB_SECOND_ARM64 = 0.0000133334;
    // SQS pricing page: $0.40 per 1M requests (standard queue; each 64 KB chunk, empty receives too).
    public static final double SQS_USD_PER_MILLION_REQUESTS = 0.40;
    // SNS pricing page: $0.50 per 1M publishes; delivery to SQS and Lambda is free.
    public static final double SNS_USD_PER_MILLION_PUBLISHES = 0.50;
    // DynamoDB on-demand pricing page (after the November 2024 cut).
    public static final double DYNAMODB_USD_PER_MILLION_WRITE_UNITS = 0.625;
    public static final double DYNAMODB_USD_PER_MILLION_READ_UNITS = 0.125;
    // API Gateway pricing page: HTTP APIs, first 300M requests a month.
    public static final double HTTP_API_USD_PER_MILLION_REQUESTS = 1.00;

    public static final String LAMBDA_INVOCATIONS = "lambdaInvocations";
    public static final String SQS_REQUESTS = "sqsRequests";
    public static final String SNS_PUBLISHES = "snsPublishes";
    public static final String DYNAMO_WRITE_UNITS = "dynamoWriteUnits";
    public static final String DYNAMO_READ_UNITS = "dynamoReadUnits";
    public static final String HTTP_REQUESTS = "httpRequests";

    public enum Architecture { X86_64, ARM64 }

    private static final double MILLION = 1_000_000.0;

    private final double usdPerGbSecond;

    /** x86_64, the architecture of the original stacks. */
    public CostModel() {
        this(Architecture.X86_64);
    }

    public CostModel(Architecture architecture) {
        this.usdPerGbSecond = architecture == Architecture.ARM64
                ? LAMBDA_USD_PER_GB_SECOND_ARM64 : LAMBDA_USD_PER_GB_SECOND_X86;
    }

    @Override
    public double costUsd(RunData data) {
        return breakdown(data).totalUsd();
    }

    public CostBreakdown breakdown(RunData data) {
        return breakdown(data, InvocationIntervals.of(data));
    }

    CostBreakdown breakdown(RunData data, InvocationIntervals intervals) {
        Map<String, Long> counts = data.run().requestCounts();
        long invokes = data.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.INVOKE).count();
        long lambdaRequests = Math.max(invokes, count(counts, LAMBDA_INVOCATIONS));
        double gbSeconds = intervals.totalMillis() / 1000.0 * data.run().memoryMb() / 1024.0;
        return new CostBreakdown(
                lambdaRequests / MILLION * LAMBDA_USD_PER_MILLION_REQUESTS,
                gbSeconds * usdPerGbSecond,
                count(counts, SQS_REQUESTS) / MILLION * SQS_USD_PER_MILLION_REQUESTS,
                count(counts, SNS_PUBLISHES) / MILLION * SNS_USD_PER_MILLION_PUBLISHES,
                count(counts, DYNAMO_WRITE_UNITS) / MILLION * DYNAMODB_USD_PER_MILLION_WRITE_UNITS
                        + count(counts, DYNAMO_READ_UNITS) / MILLION * DYNAMODB_USD_PER_MILLION_READ_UNITS,
                count(counts, HTTP_REQUESTS) / MILLION * HTTP_API_USD_PER_MILLION_REQUESTS);
    }

    private static long count(Map<String, Long> counts, String key) {
        Long value = counts.get(key);
        return value == null ? 0 : value;
    }
}
