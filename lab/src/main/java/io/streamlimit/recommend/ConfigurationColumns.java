package io.streamlimit.recommend;

import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.StreamSpec;

/**
 * A configuration's settings as short values for named columns, so a table of candidates fits 100
 * characters: {@code via} is {@code sqs} (SNS to SQS to Lambda), {@code sns} (SNS to Lambda, async) or
 * {@code kin} (API Gateway to Kinesis to Lambda; {@code maximum} then shows shards x parallelization factor);
 * reserved, maximum (the SQS mapping's) and provisioned concurrency; batch size; visibility timeout;
 * maxReceiveCount; {@code S} in the provisioned column is SnapStart (the two never go together);
 * the SQS mapping's provisioned pollers, minimum-maximum (not a column of the table, which would no
 * longer fit: the recommender's output lists them under it). "-" is "not set" (or, for the async
 * pipeline, no queue).
 */
public record ConfigurationColumns(String via, String reserved, String maximum, String provisioned, String batch,
                                   String visibility, String receives, String pollers) {

    /** What the columns' names and values mean, to print under a table that uses them. */
    public static final String LEGEND = "VIA: sqs = SNS -> SQS -> Lambda, fifo = SNS FIFO -> SQS FIFO -> Lambda,"
            + " sns = SNS -> Lambda (async), kin = API -> Kinesis -> Lambda; RC, MC, PC: reserved, maximum (of the SQS"
            + " mapping; for kin shards x parallelization factor) and provisioned concurrency (S: SnapStart instead); BATCH: batch size;"
            + " VIS: visibility timeout; RECV: maxReceiveCount; -: not set";

    /** The PC column's value for a configuration with SnapStart. */
    public static final String SNAPSTART = "S";

    static ConfigurationColumns of(Scenario scenario) {
        boolean queued = scenario.pipeline().queued();
        StreamSpec stream = scenario.stream();
        int provisioned = scenario.consumer().provisionedConcurrency();
        return new ConfigurationColumns(
                stream != null ? "kin" : scenario.pipeline().fifo() ? "fifo" : queued ? "sqs" : "sns",
                orDash(scenario.consumer().reservedConcurrency()),
                stream != null ? stream.shards() + "x" + stream.parallelizationFactor()
                        : orDash(scenario.consumer().maximumConcurrency()),
                provisioned > 0 ? Integer.toString(provisioned) : scenario.consumer().snapStart() ? SNAPSTART : "-",
                stream != null ? Integer.toString(stream.batchSize())
                        : queued ? Integer.toString(scenario.queue().batchSize()) : "-",
                queued ? scenario.queue().visibilityTimeoutSeconds() + "s" : "-",
                queued ? Integer.toString(scenario.queue().maxReceiveCount()) : "-",
                queued && scenario.queue().pollers() != null
                        ? scenario.queue().pollers().minimumPollers() + "-" + scenario.queue().pollers().maximumPollers()
                        : "-");
    }

    /** The settings in one short phrase, for citing a candidate the table may not show. */
    public String phrase() {
        return via + " rc " + reserved + " mc " + maximum + " pc " + provisioned + " batch " + batch + " vis " + visibility
                + " recv " + receives + ("-".equals(pollers) ? "" : " pollers " + pollers);
    }

    private static String orDash(Integer value) {
        return value == null ? "-" : Integer.toString(value);
    }
}
