package io.streamlimit.local.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON envelope SNS wraps a message in when it delivers to SQS without raw delivery. */
final class SnsEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnsEnvelope() {
    }

    static String wrap(SnsNotification notification) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", notification.messageId());
        envelope.put("TopicArn", notification.topicArn());
        envelope.put("Message", notification.message());
        envelope.put("Timestamp", notification.timestamp().toString());
        envelope.put("SignatureVersion", "1");
        // The local topic does not sign; consumers must not rely on signatures for SQS delivery.
        envelope.put("Signature", "LOCAL");
        envelope.put("SigningCertURL", "http://127.0.0.1/local-sns.pem");
        envelope.put("UnsubscribeURL", "http://127.0.0.1/unsubscribe");
        return envelope.toString();
    }
}
