package io.streamlimit.local.sns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A standard SNS topic: fans every accepted message out to all its subscribers.
 *
 * <p>Delivery happens before the publish returns, so an accepted message has reached every
 * queue; a Lambda subscriber only enqueues it in Lambda's asynchronous queue, as in AWS.
 */
public final class LocalTopic {

    /** The account and region of every local ARN. */
    public static final String ACCOUNT = "000000000000";
    static final String ARN_PREFIX = "arn:aws:sns:us-east-1:" + ACCOUNT + ":";

    private final String arn;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** A subscriber under the ARN SNS would give it. */
    public record Subscription(String arn, SnsSubscriber subscriber) {
    }

    public LocalTopic(String name, Clock clock) {
        this.arn = ARN_PREFIX + name;
        this.clock = clock;
    }

    public String arn() {
        return arn;
    }

    public void subscribe(SnsSubscriber subscriber) {
        subscriptions.add(new Subscription(arn + ":" + UUID.randomUUID(), subscriber));
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Publishes plain messages and returns their message ids, in order. */
    public List<String> publish(List<String> messages) {
        return publishMessages(messages.stream().map(SnsMessage::plain).toList());
    }

    /** Publishes messages, each subscriber getting its protocol's text, and returns their ids, in order. */
    public List<String> publishMessages(List<SnsMessage> messages) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ids.add(UUID.randomUUID().toString());
        }
        for (Subscription subscription : subscriptions) {
            String protocol = subscription.subscriber().protocol();
            List<SnsNotification> notifications = new ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                notifications.add(new SnsNotification(ids.get(i), arn, messages.get(i).textFor(protocol), now));
            }
            subscription.subscriber().deliver(notifications);
        }
        return ids;
    }
}
