package io.streamlimit.local.sns;

import java.time.Instant;

/** One message accepted by the topic, on its way to every subscriber. */
public record SnsNotification(String messageId, String topicArn, String message, Instant timestamp) {
}
