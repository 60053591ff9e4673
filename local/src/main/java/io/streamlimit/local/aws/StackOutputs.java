package io.streamlimit.local.aws;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** A deployed scenario stack's outputs (the names the CDK app gives them: cdk/README.md). */
public record StackOutputs(String stackName, Map<String, String> values) {

    public StackOutputs {
        values = Map.copyOf(values);
    }

    /**
     * Reads them with DescribeStacks.
     *
     * @throws ImportException naming the stack when it does not exist or cannot be read
     */
    public static StackOutputs describe(CloudFormationClient cloudFormation, String stackName) {
        Stack stack;
        try {
            stack = cloudFormation.describeStacks(request -> request.stackName(stackName)).stacks().stream()
                    .findFirst()
                    .orElseThrow(() -> new ImportException("--stack: no stack '" + stackName + "'"));
        } catch (CloudFormationException e) {
            ImportException refused = AwsCallFailure.refusedCredentials(e);
            if (refused != null) {
                throw refused;
            }
            throw new ImportException("--stack: cannot describe stack '" + stackName + "' (does it exist in this region?): "
                    + e.awsErrorDetails().errorMessage());
        }
        Map<String, String> values = new TreeMap<>();
        for (Output output : stack.outputs()) {
            values.put(output.outputKey(), output.outputValue());
        }
        return new StackOutputs(stackName, values);
    }

    /** @throws ImportException naming the stack and the output when it lacks it */
    public String require(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new ImportException("--stack: stack '" + stackName + "' has no output " + key
                    + " (is it a streamlimit scenario stack? it has " + values.keySet() + ")");
        }
        return value;
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }

    /** The queue's name, the last segment of its URL (CloudWatch's QueueName dimension). */
    static String queueName(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    /** The topic's name, the last part of its ARN (CloudWatch's TopicName dimension). */
    static String topicName(String topicArn) {
        return topicArn.substring(topicArn.lastIndexOf(':') + 1);
    }
}
