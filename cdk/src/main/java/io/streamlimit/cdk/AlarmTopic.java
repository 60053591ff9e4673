package io.streamlimit.cdk;

import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Where the stack's alarms go: an SNS topic, mailing one address when the app is given
 * {@code -c alarmEmail=...} (AWS sends a confirmation mail first), or subscribed to by hand.
 */
final class AlarmTopic {

    private AlarmTopic() {
    }

    /**
     * @param key the stack's topic key: a second key would cost another $1 a month; CloudWatch
     *     may use it, since it encrypts the alarm messages it publishes
     */
    static Topic create(Construct scope, IKey key, String email, List<Alarm> alarms) {
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        Topic topic = Topic.Builder.create(scope, "AlarmTopic")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        if (email != null) {
            topic.addSubscription(new EmailSubscription(email));
        }
        SnsAction action = new SnsAction(topic);
        alarms.forEach(alarm -> alarm.addAlarmAction(action));
        return topic;
    }
}
