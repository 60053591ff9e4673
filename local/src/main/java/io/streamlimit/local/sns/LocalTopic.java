package io.streamlimit.local.sns;

import java.time.Clock;
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

    private final String arn;
    private final Clock clock;
    private final List<SnsSubscriber> subscribers = new CopyOnWriteArrayList<>();

    public LocalTopic(String name, Clock clock) {
        this.arn = "arn:aws:sns:us-east-1:000000000000:" + name;
        this.clock = clock;
    }

    public String arn() {
        return arn;
    }

    public void subscribe(SnsSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Publishes messages and returns their message ids, in order. */
    public List<String> publish(List<String> messages) {
        List<SnsNotification> notifications = new ArrayList<>(messages.size());
        for (String message : messages) {
            notifications.add(new SnsNotification(UUID.randomUUID().toString(), arn, message, clock.instant()));
        }
        for (SnsSubscriber subscriber : subscribers) {
            subscriber.deliver(notifications);
        }
        return notifications.stream().map(SnsNotification::messageId).toList();
    }
}
