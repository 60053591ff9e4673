package io.streamlimit.local.chaos;

/** The event pipelines a chaos run drives; the report gives each its operations, faults and violations. */
public enum ChaosPipeline {
    /** SNS -> SQS -> Lambda: the handler phase, the acquire storm (the check API) and the end-to-end SQS phase. */
    SNS_SQS_LAMBDA("SNS -> SQS -> Lambda (and the check API)"),
    /** SNS -> Lambda: the asynchronous invocation path. */
    SNS_LAMBDA("SNS -> Lambda (async invocation)"),
    /** SNS FIFO -> SQS FIFO -> Lambda: exactly once, and each uid's events applied in the order published. */
    SNS_FIFO_SQS_FIFO_LAMBDA("SNS FIFO -> SQS FIFO -> Lambda (per-uid order)"),
    /** API -> Kinesis -> Lambda: at-least-once records, each uid's order kept, poison to the on-failure queue. */
    API_KINESIS_LAMBDA("API -> Kinesis -> Lambda (per-uid order, on-failure queue)");

    private final String label;

    ChaosPipeline(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
