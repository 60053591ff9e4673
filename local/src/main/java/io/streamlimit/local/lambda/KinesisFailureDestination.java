package io.streamlimit.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The on-failure destination of a Kinesis event source mapping, an SQS queue: a discarded batch
 * is sent as its metadata (not its data), in the shape Lambda documents for stream sources
 * (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html): the
 * condition, the attempts, and {@code KinesisBatchInfo} with the shard and the first and last
 * sequence numbers, from which a reader can fetch the records while the stream retains them.
 */
final class KinesisFailureDestination {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;

    KinesisFailureDestination(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    void send(List<Record> batch, String shardId, String streamArn, String condition,
              int attempts, String functionName, Instant at) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body(batch, shardId, streamArn, condition, attempts,
                functionName, at)));
    }

    static String body(List<Record> batch, String shardId, String streamArn, String condition,
                       int attempts, String functionName, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode request = root.putObject("requestContext");
        request.put("functionArn", "arn:aws:lambda:us-east-1:000000000000:function:" + functionName);
        request.put("condition", condition);
        request.put("approximateInvokeCount", attempts);
        root.put("version", "1.0");
        root.put("timestamp", at.toString());
        ObjectNode info = root.putObject("KinesisBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", batch.get(0).sequenceNumber());
        info.put("endSequenceNumber", batch.get(batch.size() - 1).sequenceNumber());
        if (batch.get(0).approximateArrivalTimestamp() != null) {
            info.put("approximateArrivalOfFirstRecord", batch.get(0).approximateArrivalTimestamp().toString());
            info.put("approximateArrivalOfLastRecord", batch.get(batch.size() - 1).approximateArrivalTimestamp().toString());
        }
        info.put("batchSize", batch.size());
        info.put("streamArn", streamArn);
        return root.toString();
    }
}
