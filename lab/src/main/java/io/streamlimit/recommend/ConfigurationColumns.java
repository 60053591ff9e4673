package io.streamlimit.recommend;

import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.StreamSpec;

/**
 * A configuration's settings as short values for named columns, so a table of candidates fits 100
 * characters: {@code via} is {@code sqs} (SNS to SQS to Lambda), {@code sns} (SNS to Lambda, async) or
 * {@code kin} (API Gateway to Kinesis to Lambda; {@code maximum} then shows shards x parallelization factor);
 * reserved, maximum (the SQS mapping's) and provisioned concurrency; batch size; visibility timeout;
 * maxReceiveCount. "-" is "not set" (or, for the async pipeline, no queue).
 */
public record ConfigurationColumns(String via, String reserved, String maximum, String provisioned, String batch,
                                   String visibility, String receives) {

    /** What the columns' names and values mean, to print under a table that uses them. */
    public static final String LEGEND = "VIA: sqs = SNS -> SQS -> Lambda, sns = SNS -> Lambda (async), kin = API -> Kinesis"
            + " -> Lambda; RC, MC, PC: reserved, maximum (of the SQS mapping; for kin shards x parallelization factor) and"
            + " provisioned concurrency; BATCH: batch size; VIS: visibility timeout; RECV: maxReceiveCount; -: not set";

    static ConfigurationColumns of(Scenario scenario) {
        boolean queued = scenario.pipeline() == Pipeline.SNS_SQS_LAMBDA;
        StreamSpec stream = scenario.stream();
        int provisioned = scenario.consumer().provisionedConcurrency();
        return new ConfigurationColumns(
                stream != null ? "kin" : queued ? "sqs" : "sns",
                orDash(scenario.consumer().reservedConcurrency()),
                stream != null ? stream.shards() + "x" + stream.parallelizationFactor()
                        : orDash(scenario.consumer().maximumConcurrency()),
                provisioned > 0 ? Integer.toString(provisioned) : "-",
                stream != null ? Integer.toString(stream.batchSize())
                        : queued ? Integer.toString(scenario.queue().batchSize()) : "-",
                queued ? scenario.queue().visibilityTimeoutSeconds() + "s" : "-",
                queued ? Integer.toString(scenario.queue().maxReceiveCount()) : "-");
    }

    /** The settings in one short phrase, for citing a candidate the table may not show. */
    public String phrase() {
        return via + " rc " + reserved + " mc " + maximum + " pc " + provisioned + " batch " + batch + " vis " + visibility
                + " recv " + receives;
    }

    private static String orDash(Integer value) {
        return value == null ? "-" : Integer.toString(value);
    }
}
