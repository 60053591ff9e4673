package io.streamlimit.local.sqs;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.FifoDeduplication;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * {@code DeduplicationScope: messageGroup} for an ElasticMQ FIFO queue. ElasticMQ (1.7.1) accepts the
 * attribute on CreateQueue but ignores it and deduplicates across the whole queue, so the same id in
 * two groups would be delivered once. The sender asks the {@link FifoDeduplication} rule (per group)
 * first and gives ElasticMQ an id qualified by the group, so ElasticMQ drops nothing the rule kept.
 * The consumer sees that qualified id as the message's MessageDeduplicationId; nothing reads it.
 */
public final class MessageGroupDeduplication {

    /** SQS's limit on a deduplication id (SendMessage API reference). */
    private static final int MAX_ID_LENGTH = 128;

    private final FifoDeduplication rule;
    private final Clock clock;

    public MessageGroupDeduplication(AwsBehaviour aws, Clock clock) {
        this.rule = FifoDeduplication.of(aws, true);
        this.clock = clock;
    }

    /**
     * A message of {@code group} with {@code deduplicationId} is sent now: the id to give ElasticMQ,
     * or null when the rule finds it a duplicate within its group (SQS accepts it and drops it).
     */
    public synchronized String admit(String group, String deduplicationId) {
        if (!rule.accept(clock.millis(), group, deduplicationId)) {
            return null;
        }
        String qualified = group + ":" + deduplicationId;
        return qualified.length() <= MAX_ID_LENGTH ? qualified : sha256(group + "\n" + deduplicationId);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
