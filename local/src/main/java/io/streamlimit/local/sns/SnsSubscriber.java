package io.streamlimit.local.sns;

import java.util.List;

/** Where the topic delivers: a queue, or a function invoked asynchronously. */
@FunctionalInterface
public interface SnsSubscriber {
    void deliver(List<SnsNotification> notifications);
}
