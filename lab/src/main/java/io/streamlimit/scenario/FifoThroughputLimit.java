package io.streamlimit.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Whether an SQS FIFO queue's throughput quota applies to the whole queue (SQS's default) or to
 * each message group (the other half of high throughput mode). The queue attribute
 * {@code FifoThroughputLimit}
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html).
 */
public enum FifoThroughputLimit {
    PER_QUEUE("perQueue"),
    PER_MESSAGE_GROUP_ID("perMessageGroupId");

    private final String fileName;

    FifoThroughputLimit(String fileName) {
        this.fileName = fileName;
    }

    /** The value in scenario files and in SQS's API. */
    public String fileName() {
        return fileName;
    }

    /** The limit a scenario file names, or a {@link ScenarioException} on {@code key}. */
    public static FifoThroughputLimit fromFileName(String key, String name) {
        for (FifoThroughputLimit l : values()) {
            if (l.fileName.equals(name)) {
                return l;
            }
        }
        throw new ScenarioException(key, "must be one of "
                + Arrays.stream(values()).map(FifoThroughputLimit::fileName).collect(Collectors.joining(", "))
                + ", got " + name);
    }
}
