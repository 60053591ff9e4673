package io.streamlimit.local.chaos;

import io.streamlimit.local.sns.SnsNotification;
import io.streamlimit.local.sns.SnsSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * In front of the Lambda subscription: hands some notifications to the async queue twice, as
 * Lambda's asynchronous queue may deliver an event more than once on its own, and counts every
 * copy as {@link Outstanding} until it finishes.
 */
final class DuplicatingSubscription implements SnsSubscriber {

    private final SnsSubscriber inner;
    private final Outstanding outstanding;
    private final Set<String> duplicated;
    private final ChaosReport report;

    /** @param duplicated the messages to hand over twice */
    DuplicatingSubscription(SnsSubscriber inner, Outstanding outstanding, Set<String> duplicated, ChaosReport report) {
        this.inner = inner;
        this.outstanding = outstanding;
        this.duplicated = duplicated;
        this.report = report;
    }

    @Override
    public String protocol() {
        return inner.protocol();
    }

    @Override
    public String endpoint() {
        return inner.endpoint();
    }

    @Override
    public void deliver(List<SnsNotification> notifications) {
        List<SnsNotification> copies = new ArrayList<>(notifications.size());
        for (SnsNotification n : notifications) {
            copies.add(n);
            if (duplicated.contains(n.message())) {
                copies.add(n); // the same notification, same message id
                report.fault(ChaosPipeline.SNS_LAMBDA, FaultKind.ASYNC_QUEUE_DUPLICATE);
            }
        }
        copies.forEach(c -> outstanding.add());
        inner.deliver(copies);
    }
}
