package io.streamlimit.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where an SQS FIFO queue checks deduplication ids: across the whole queue (SQS's default) or
 * within each message group (one half of high throughput mode). The queue attribute
 * {@code DeduplicationScope}
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html).
 */
public enum DeduplicationScope {
    QUEUE("queue"),
    MESSAGE_GROUP("messageGroup");

    private final String fileName;

    DeduplicationScope(String fileName) {
        this.fileName = fileName;
    }

    /** The value in scenario files and in SQS's API. */
    public String fileName() {
        return fileName;
    }

    /** The scope a scenario file names, or a {@link ScenarioException} on {@code key}. */
    public static DeduplicationScope fromFileName(String key, String name) {
        for (DeduplicationScope s : values()) {
            if (s.fileName.equals(name)) {
                return s;
            }
        }
        throw new ScenarioException(key, "must be one of "
                + Arrays.stream(values()).map(DeduplicationScope::fileName).collect(Collectors.joining(", "))
                + ", got " + name);
    }
}
