package io.streamlimit.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How events travel from the topic to the consumer. */
public enum Pipeline {
    /** SNS -> SQS -> consumer through an event source mapping. */
    SNS_SQS_LAMBDA("sns-sqs-lambda"),
    /** SNS -> consumer by asynchronous invocation, with Lambda's own retry queue. */
    SNS_LAMBDA("sns-lambda"),
    /** API Gateway -> Kinesis data stream -> consumer through a Kinesis event source mapping (no SNS). */
    API_KINESIS_LAMBDA("api-kinesis-lambda");

    private final String fileName;

    Pipeline(String fileName) {
        this.fileName = fileName;
    }

    /** The name used in scenario files. */
    public String fileName() {
        return fileName;
    }

    /** True for the pipelines whose producer publishes to an SNS topic. */
    public boolean throughSns() {
        return this != API_KINESIS_LAMBDA;
    }

    /** The pipeline a scenario file names, or a {@link ScenarioException} on {@code key}. */
    public static Pipeline fromFileName(String key, String name) {
        for (Pipeline p : values()) {
            if (p.fileName.equals(name)) {
                return p;
            }
        }
        throw new ScenarioException(key, "must be one of "
                + Arrays.stream(values()).map(Pipeline::fileName).collect(Collectors.joining(", "))
                + ", got " + name);
    }
}
