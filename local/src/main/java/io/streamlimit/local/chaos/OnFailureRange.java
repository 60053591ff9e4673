package io.streamlimit.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a Kinesis mapping's on-failure destination says of a batch it gave up: the shard, the
 * first and last sequence numbers (the records are not in it), and why ({@code condition}:
 * RetryAttemptsExhausted, RecordAgeExceeded), as AWS documents the invocation record
 * (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html).
 */
record OnFailureRange(String shardId, String startSequenceNumber, String endSequenceNumber, int batchSize,
                      String condition) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads one message of the destination; a body that is not such a record is an {@link IllegalArgumentException}. */
    static OnFailureRange parse(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode info = root.path("KinesisBatchInfo");
            if (!info.hasNonNull("shardId") || !info.hasNonNull("startSequenceNumber") || !info.hasNonNull("endSequenceNumber")) {
                throw new IllegalArgumentException("no KinesisBatchInfo with a shard and a sequence range: " + body);
            }
            return new OnFailureRange(info.get("shardId").asText(), info.get("startSequenceNumber").asText(),
                    info.get("endSequenceNumber").asText(), info.path("batchSize").asInt(0),
                    root.path("requestContext").path("condition").asText(""));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }
}
