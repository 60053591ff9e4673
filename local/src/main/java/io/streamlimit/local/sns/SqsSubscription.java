package io.streamlimit.local.sns;

import io.streamlimit.local.sqs.MessageGroupDeduplication;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Delivers each notification to an SQS queue, in the SNS envelope or raw, in order (a FIFO queue keeps it per group). */
public final class SqsSubscription implements SnsSubscriber {

    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final boolean rawDelivery;
    private final MessageGroupDeduplication perGroup;

    public SqsSubscription(SqsClient sqs, String queueUrl, String queueArn, boolean rawDelivery) {
        this(sqs, queueUrl, queueArn, rawDelivery, null);
    }

    /** @param perGroup a FIFO queue with deduplication scope messageGroup; null: ElasticMQ's own, queue-wide */
    public SqsSubscription(SqsClient sqs, String queueUrl, String queueArn, boolean rawDelivery,
                           MessageGroupDeduplication perGroup) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.rawDelivery = rawDelivery;
        this.perGroup = perGroup;
    }

    @Override
    public String protocol() {
        return "sqs";
    }

    @Override
    public String endpoint() {
        return queueArn;
    }

    @Override
    public void deliver(List<SnsNotification> notifications) {
        for (int from = 0; from < notifications.size(); from += MAX_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (SnsNotification n : notifications.subList(from, Math.min(from + MAX_BATCH, notifications.size()))) {
                String body = rawDelivery ? n.message() : SnsEnvelope.wrap(n);
                // From a FIFO topic the group and deduplication id go on to the FIFO queue, as SNS passes them.
                String deduplicationId = n.deduplicationId();
                if (perGroup != null && n.messageGroupId() != null) {
                    deduplicationId = perGroup.admit(n.messageGroupId(), n.deduplicationId());
                    if (deduplicationId == null) {
                        continue; // a duplicate within its group: SQS accepts it and drops it
                    }
                }
                entries.add(SendMessageBatchRequestEntry.builder().id(n.messageId()).messageBody(body)
                        .messageGroupId(n.messageGroupId()).messageDeduplicationId(deduplicationId).build());
            }
            if (entries.isEmpty()) {
                continue;
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                // SNS retries delivery to an unreachable queue; locally a refusal is a bug worth surfacing.
                throw new IllegalStateException("SQS refused " + response.failed().size() + " deliveries: "
                        + response.failed().get(0).message());
            }
        }
    }
}
