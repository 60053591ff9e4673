package io.streamlimit.scenario;

/** How events travel from the topic to the consumer. */
public enum Pipeline {
    /** SNS -> SQS -> consumer through an event source mapping. */
    SNS_SQS_LAMBDA("sns-sqs-lambda"),
    /** SNS -> consumer by asynchronous invocation, with Lambda's own retry queue. */
    SNS_LAMBDA("sns-lambda");

    private final String fileName;

    Pipeline(String fileName) {
        this.fileName = fileName;
    }

    /** The name used in scenario files. */
    public String fileName() {
        return fileName;
    }
}
