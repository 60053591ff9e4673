package io.streamlimit.local.sns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * An SNS topic: fans every accepted message out to all its subscribers.
 *
 * <p>Delivery happens before the publish returns, so an accepted message has reached every
 * queue; a Lambda subscriber only enqueues it in Lambda's asynchronous queue, as in AWS.
 *
 * <p>A FIFO topic ({@link #fifo}) requires a message group on every message and a deduplication
 * id unless it has content-based deduplication; a message whose deduplication id was accepted
 * within the deduplication interval is accepted again but not delivered. A publish holds the
 * locks of its message groups (striped) while it is numbered and delivered, so publishes of other
 * groups run alongside and every subscriber gets a group's messages in the order of their
 * sequence numbers.
 */
public final class LocalTopic {

    /** The account and region of every local ARN. */
    public static final String ACCOUNT = "000000000000";
    static final String ARN_PREFIX = "arn:aws:sns:us-east-1:" + ACCOUNT + ":";
    /** A FIFO topic's name ends so, as SNS requires. */
    public static final String FIFO_SUFFIX = ".fifo";
    /** MessageGroupId and MessageDeduplicationId: 1 to 128 alphanumeric or punctuation characters (Publish API reference). */
    private static final Pattern FIFO_ID = Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");
    private static final int GROUP_STRIPES = 64;

    private final String arn;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Fifo fifo;

    /** A subscriber under the ARN SNS would give it. */
    public record Subscription(String arn, SnsSubscriber subscriber) {
    }

    /** A FIFO topic's settings and its deduplication memory: id to what was answered, in acceptance order. */
    private static final class Fifo {
        final boolean contentBasedDeduplication;
        final Duration deduplicationInterval;
        final LinkedHashMap<String, Remembered> accepted = new LinkedHashMap<>();
        final ReentrantLock[] groupLocks = new ReentrantLock[GROUP_STRIPES];
        long sequence;

        Fifo(boolean contentBasedDeduplication, Duration deduplicationInterval) {
            this.contentBasedDeduplication = contentBasedDeduplication;
            this.deduplicationInterval = deduplicationInterval;
            for (int i = 0; i < GROUP_STRIPES; i++) {
                groupLocks[i] = new ReentrantLock();
            }
        }
    }

    private record Remembered(Published answer, long expiresAtMillis) {
    }

    /** A standard topic. */
    public LocalTopic(String name, Clock clock) {
        this(name, clock, null);
    }

    private LocalTopic(String name, Clock clock, Fifo fifo) {
        this.arn = ARN_PREFIX + name;
        this.clock = clock;
        this.fifo = fifo;
    }

    /**
     * A FIFO topic.
     *
     * @param name ends with {@code .fifo}
     * @param deduplicationInterval how long an accepted deduplication id makes copies no-ops (SNS: 5 minutes)
     */
    public static LocalTopic fifo(String name, Clock clock, boolean contentBasedDeduplication, Duration deduplicationInterval) {
        if (!name.endsWith(FIFO_SUFFIX)) {
            throw new IllegalArgumentException("a FIFO topic's name must end with " + FIFO_SUFFIX + ", got " + name);
        }
        if (deduplicationInterval.isNegative() || deduplicationInterval.isZero()) {
            throw new IllegalArgumentException("deduplicationInterval must be positive, got " + deduplicationInterval);
        }
        return new LocalTopic(name, clock, new Fifo(contentBasedDeduplication, deduplicationInterval));
    }

    public String arn() {
        return arn;
    }

    public boolean isFifo() {
        return fifo != null;
    }

    public boolean contentBasedDeduplication() {
        return fifo != null && fifo.contentBasedDeduplication;
    }

    /** SNS delivers from a FIFO topic to SQS queues only. */
    public void subscribe(SnsSubscriber subscriber) {
        if (fifo != null && !subscriber.protocol().equals("sqs")) {
            throw new IllegalArgumentException("a FIFO topic delivers to SQS queues only, not to " + subscriber.protocol());
        }
        subscriptions.add(new Subscription(arn + ":" + UUID.randomUUID(), subscriber));
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Publishes plain messages to a standard topic and returns their message ids, in order. */
    public List<String> publish(List<String> messages) {
        return publishMessages(messages.stream().map(SnsMessage::plain).toList());
    }

    /** Publishes messages to a standard topic, each subscriber getting its protocol's text; returns their ids, in order. */
    public List<String> publishMessages(List<SnsMessage> messages) {
        return publishAll(messages.stream().map(SnsPublication::of).toList()).stream().map(Published::messageId).toList();
    }

    /**
     * Publishes messages as one Publish or PublishBatch call: all are accepted or, when one breaks
     * a FIFO rule, none (SNS refuses the whole request).
     *
     * @throws SnsError InvalidParameter for a FIFO message without a group, or without a
     *     deduplication id on a topic without content-based deduplication
     */
    public List<Published> publishAll(List<SnsPublication> publications) {
        if (fifo == null) {
            List<Published> ids = new ArrayList<>(publications.size());
            for (int i = 0; i < publications.size(); i++) {
                ids.add(new Published(UUID.randomUUID().toString(), null));
            }
            // A group id on a standard topic only matters to fair queues, which the local SQS does not have.
            deliver(publications.stream().map(p -> SnsPublication.of(p.message())).toList(), ids, clock.instant());
            return ids;
        }
        for (SnsPublication p : publications) {
            checkFifo(p);
        }
        // The stripes in ascending order, so that two publishes never wait for each other's locks.
        int[] stripes = publications.stream().mapToInt(p -> Math.floorMod(p.messageGroupId().hashCode(), GROUP_STRIPES))
                .distinct().sorted().toArray();
        for (int stripe : stripes) {
            fifo.groupLocks[stripe].lock();
        }
        try {
            return publishFifo(publications);
        } finally {
            for (int i = stripes.length - 1; i >= 0; i--) {
                fifo.groupLocks[stripes[i]].unlock();
            }
        }
    }

    private void checkFifo(SnsPublication p) {
        if (p.messageGroupId() == null || p.messageGroupId().isEmpty()) {
            throw SnsError.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
        }
        if (!FIFO_ID.matcher(p.messageGroupId()).matches()) {
            throw SnsError.invalidParameter("MessageGroupId Reason: must be 1 to 128 alphanumeric or punctuation characters");
        }
        if (p.deduplicationId() == null || p.deduplicationId().isEmpty()) {
            if (!fifo.contentBasedDeduplication) {
                throw SnsError.invalidParameter(
                        "The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
        } else if (!FIFO_ID.matcher(p.deduplicationId()).matches()) {
            throw SnsError.invalidParameter("MessageDeduplicationId Reason: must be 1 to 128 alphanumeric or punctuation characters");
        }
    }

    private List<Published> publishFifo(List<SnsPublication> publications) {
        Instant now = clock.instant();
        List<Published> answers = new ArrayList<>(publications.size());
        List<SnsPublication> fresh = new ArrayList<>();
        List<Published> freshIds = new ArrayList<>();
        synchronized (fifo) {
            accept(publications, now.toEpochMilli(), answers, fresh, freshIds);
        }
        if (!fresh.isEmpty()) {
            deliver(fresh, freshIds, now);
        }
        return answers;
    }

    /** Numbers the new messages and remembers their deduplication ids; copies get the first's answer. */
    private void accept(List<SnsPublication> publications, long nowMillis, List<Published> answers, List<SnsPublication> fresh,
            List<Published> freshIds) {
        forgetExpired(nowMillis);
        for (SnsPublication p : publications) {
            String dedupId = p.deduplicationId() == null || p.deduplicationId().isEmpty()
                    ? sha256(p.message().text()) : p.deduplicationId();
            Remembered seen = fifo.accepted.get(dedupId);
            if (seen != null) {
                // A copy within the interval: accepted, answered as the first, not delivered again.
                answers.add(seen.answer());
                continue;
            }
            Published published = new Published(UUID.randomUUID().toString(), String.format("%020d", ++fifo.sequence));
            fifo.accepted.put(dedupId, new Remembered(published, nowMillis + fifo.deduplicationInterval.toMillis()));
            answers.add(published);
            fresh.add(new SnsPublication(p.message(), p.messageGroupId(), dedupId));
            freshIds.add(published);
        }
    }

    /** Ids are remembered in acceptance order, so the expired ones are at the head. */
    private void forgetExpired(long nowMillis) {
        for (Iterator<Map.Entry<String, Remembered>> it = fifo.accepted.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().expiresAtMillis() > nowMillis) {
                return;
            }
            it.remove();
        }
    }

    private void deliver(List<SnsPublication> publications, List<Published> ids, Instant now) {
        for (Subscription subscription : subscriptions) {
            String protocol = subscription.subscriber().protocol();
            List<SnsNotification> notifications = new ArrayList<>(publications.size());
            for (int i = 0; i < publications.size(); i++) {
                SnsPublication p = publications.get(i);
                notifications.add(new SnsNotification(ids.get(i).messageId(), arn, p.message().textFor(protocol), now,
                        p.messageGroupId(), p.deduplicationId(), ids.get(i).sequenceNumber()));
            }
            subscription.subscriber().deliver(notifications);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
