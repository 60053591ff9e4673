package io.streamlimit.local.sns;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.streamlimit.local.lambda.AsyncInvoker;
import java.util.List;
import org.joda.time.DateTime;

/** Delivers each notification to a function by asynchronous invocation: one record per event, as SNS does. */
public final class LambdaSubscription implements SnsSubscriber {

    private final AsyncInvoker<SNSEvent> invoker;

    public LambdaSubscription(AsyncInvoker<SNSEvent> invoker) {
        this.invoker = invoker;
    }

    @Override
    public String protocol() {
        return "lambda";
    }

    @Override
    public String endpoint() {
        return "arn:aws:lambda:us-east-1:" + LocalTopic.ACCOUNT + ":function:" + invoker.functionName();
    }

    @Override
    public void deliver(List<SnsNotification> notifications) {
        for (SnsNotification n : notifications) {
            SNSEvent.SNS sns = new SNSEvent.SNS()
                    .withMessageId(n.messageId())
                    .withTopicArn(n.topicArn())
                    .withMessage(n.message())
                    .withType("Notification")
                    .withTimestamp(new DateTime(n.timestamp().toEpochMilli()));
            SNSEvent.SNSRecord record = new SNSEvent.SNSRecord()
                    .withEventSource("aws:sns")
                    .withEventVersion("1.0")
                    .withEventSubscriptionArn(n.topicArn() + ":local")
                    .withSns(sns);
            invoker.enqueue(new SNSEvent().withRecords(List.of(record)));
        }
    }
}
