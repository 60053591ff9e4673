package io.streamlimit.local.sns;

import java.util.List;

/** Where the topic delivers: a queue, or a function invoked asynchronously. */
public interface SnsSubscriber {

    void deliver(List<SnsNotification> notifications);

    /** The protocol as SNS names it ({@code sqs}, {@code lambda}); it also picks a structured message's key. */
    String protocol();

    /** The queue's or the function's ARN, as ListSubscriptions shows it. */
    String endpoint();
}
