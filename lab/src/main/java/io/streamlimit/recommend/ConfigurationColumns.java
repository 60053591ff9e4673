package io.streamlimit.recommend;

import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;

/**
 * A configuration's settings as short values for named columns, so a table of candidates fits 100
 * characters: {@code via} is {@code sqs} (SNS to SQS to Lambda) or {@code sns} (SNS to Lambda, async);
 * reserved, maximum (the SQS mapping's) and provisioned concurrency; batch size; visibility timeout;
 * maxReceiveCount; the SQS mapping's provisioned pollers, minimum-maximum (not a column of the
 * table, which would no longer fit: the recommender's output lists them under it). "-" is "not
 * set" (or, for the async pipeline, no queue).
 */
public record ConfigurationColumns(String via, String reserved, String maximum, String provisioned, String batch,
                                   String visibility, String receives, String pollers) {

    /** What the columns' names and values mean, to print under a table that uses them. */
    public static final String LEGEND = "VIA: sqs = SNS -> SQS -> Lambda, sns = SNS -> Lambda (async); RC, MC, PC: reserved,"
            + " maximum (of the SQS mapping) and provisioned concurrency; BATCH: batch size; VIS: visibility timeout;"
            + " RECV: maxReceiveCount; -: not set";

    static ConfigurationColumns of(Scenario scenario) {
        boolean queued = scenario.pipeline() == Pipeline.SNS_SQS_LAMBDA;
        int provisioned = scenario.consumer().provisionedConcurrency();
        return new ConfigurationColumns(
                queued ? "sqs" : "sns",
                orDash(scenario.consumer().reservedConcurrency()),
                orDash(scenario.consumer().maximumConcurrency()),
                provisioned > 0 ? Integer.toString(provisioned) : "-",
                queued ? Integer.toString(scenario.queue().batchSize()) : "-",
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
