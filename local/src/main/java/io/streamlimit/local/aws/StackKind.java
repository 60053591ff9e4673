package io.streamlimit.local.aws;

import io.streamlimit.scenario.Pipeline;
import java.util.TreeSet;

/**
 * Which of the CDK app's pipelines a deployed stack runs, told by its outputs (cdk/README.md): the
 * topic pipelines (sns-lambda, sns-sqs-lambda, the FIFO one) have {@code TopicArn}, the Kinesis
 * pipeline (api-kinesis-lambda) has {@code StreamName} and no topic.
 */
public enum StackKind {
    TOPIC,
    KINESIS;

    /** @throws ImportException in one line naming the stack when it has neither output */
    public static StackKind of(StackOutputs outputs) {
        if (outputs.optional(AwsRunMetrics.TOPIC).isPresent()) {
            return TOPIC;
        }
        if (outputs.optional(AwsRunMetrics.STREAM).isPresent()) {
            return KINESIS;
        }
        throw new ImportException("--stack: stack '" + outputs.stackName() + "' is not a streamlimit scenario stack: it has"
                + " neither output " + AwsRunMetrics.TOPIC + " (topic pipelines) nor " + AwsRunMetrics.STREAM
                + " (api-kinesis-lambda); it has " + new TreeSet<>(outputs.values().keySet()));
    }

    /** Whether a scenario of {@code pipeline} deploys a stack of this kind. */
    public boolean deploys(Pipeline pipeline) {
        return (pipeline == Pipeline.API_KINESIS_LAMBDA) == (this == KINESIS);
    }
}
