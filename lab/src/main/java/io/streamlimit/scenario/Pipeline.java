package io.streamlimit.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How events travel from the topic to the consumer. */
public enum Pipeline {
    /** SNS -> SQS -> consumer through an event source mapping. */
    SNS_SQS_LAMBDA("sns-sqs-lambda"),
    /** SNS -> consumer by asynchronous invocation, with Lambda's own retry queue. */
    SNS_LAMBDA("sns-lambda"),
    /**
     * SNS FIFO -> SQS FIFO -> consumer through an event source mapping: {@code MessageGroupId} is
     * the event's uid, so each viewer's events arrive in order.
     */
    SNS_FIFO_SQS_FIFO_LAMBDA("sns-fifo-sqs-fifo-lambda");

    private final String fileName;

    Pipeline(String fileName) {
        this.fileName = fileName;
    }

    /** The name used in scenario files. */
    public String fileName() {
        return fileName;
    }

    /** True when events pass through an SQS queue and an event source mapping. */
    public boolean queued() {
        return this != SNS_LAMBDA;
    }

    /** True for the FIFO topic and queue. */
    public boolean fifo() {
        return this == SNS_FIFO_SQS_FIFO_LAMBDA;
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
