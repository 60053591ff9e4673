package io.streamlimit.local.sns;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The read-only calls a user tries first: ListTopics, GetTopicAttributes, ListSubscriptions and
 * ListSubscriptionsByTopic, paged by 100 as SNS pages them.
 */
final class SnsReadCalls {

    private static final int PAGE = 100;

    private final Function<String, LocalTopic> topicByArn;
    private final Supplier<List<LocalTopic>> topics;

    SnsReadCalls(Function<String, LocalTopic> topicByArn, Supplier<List<LocalTopic>> topics) {
        this.topicByArn = topicByArn;
        this.topics = topics;
    }

    /** The reply to a read-only action, or null when {@code action} is not one. */
    String answer(String action, Map<String, String> form) {
        return switch (action) {
            case "ListTopics" -> listTopics(form.get("NextToken"));
            case "GetTopicAttributes" -> topicAttributes(topic(form.get("TopicArn")));
            case "ListSubscriptions" -> listSubscriptions(action, sorted().stream()
                    .flatMap(t -> t.subscriptions().stream().map(s -> new Row(t, s))).toList(), form.get("NextToken"));
            case "ListSubscriptionsByTopic" -> {
                LocalTopic topic = topic(form.get("TopicArn"));
                yield listSubscriptions(action, topic.subscriptions().stream().map(s -> new Row(topic, s)).toList(),
                        form.get("NextToken"));
            }
            default -> null;
        };
    }

    private LocalTopic topic(String arn) {
        if (arn == null || arn.isEmpty()) {
            throw SnsError.invalidParameter("TopicArn: no value for required parameter");
        }
        LocalTopic topic = topicByArn.apply(arn);
        if (topic == null) {
            throw SnsError.notFound("Topic does not exist: " + arn);
        }
        return topic;
    }

    private List<LocalTopic> sorted() {
        return topics.get().stream().sorted(Comparator.comparing(LocalTopic::arn)).toList();
    }

    private String listTopics(String nextToken) {
        List<LocalTopic> all = sorted();
        int from = start(nextToken, all.size());
        StringBuilder members = new StringBuilder();
        for (LocalTopic topic : all.subList(from, Math.min(from + PAGE, all.size()))) {
            members.append("<member>").append(SnsXml.element("TopicArn", topic.arn())).append("</member>");
        }
        return SnsXml.response("ListTopics", "<Topics>" + members + "</Topics>" + next(from, all.size()));
    }

    private static String topicAttributes(LocalTopic topic) {
        Map<String, String> attributes = new HashMap<>(Map.of(
                "TopicArn", topic.arn(),
                "Owner", LocalTopic.ACCOUNT,
                "DisplayName", "",
                "SubscriptionsConfirmed", Integer.toString(topic.subscriptions().size()),
                "SubscriptionsPending", "0",
                "SubscriptionsDeleted", "0"));
        if (topic.isFifo()) {
            attributes.put("FifoTopic", "true");
            attributes.put("ContentBasedDeduplication", Boolean.toString(topic.contentBasedDeduplication()));
        }
        StringBuilder entries = new StringBuilder();
        attributes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> entries.append("<entry>")
                .append(SnsXml.element("key", e.getKey())).append(SnsXml.element("value", e.getValue())).append("</entry>"));
        return SnsXml.response("GetTopicAttributes", "<Attributes>" + entries + "</Attributes>");
    }

    private record Row(LocalTopic topic, LocalTopic.Subscription subscription) {
    }

    private static String listSubscriptions(String action, List<Row> all, String nextToken) {
        int from = start(nextToken, all.size());
        StringBuilder members = new StringBuilder();
        for (Row row : all.subList(from, Math.min(from + PAGE, all.size()))) {
            SnsSubscriber subscriber = row.subscription().subscriber();
            members.append("<member>")
                    .append(SnsXml.element("SubscriptionArn", row.subscription().arn()))
                    .append(SnsXml.element("Owner", LocalTopic.ACCOUNT))
                    .append(SnsXml.element("Protocol", subscriber.protocol()))
                    .append(SnsXml.element("Endpoint", subscriber.endpoint()))
                    .append(SnsXml.element("TopicArn", row.topic().arn()))
                    .append("</member>");
        }
        return SnsXml.response(action, "<Subscriptions>" + members + "</Subscriptions>" + next(from, all.size()));
    }

    /** Where a page starts: the NextToken of the previous page is the index of its first item. */
    private static int start(String nextToken, int size) {
        if (nextToken == null || nextToken.isEmpty()) {
            return 0;
        }
        try {
            int from = Integer.parseInt(nextToken);
            if (from >= 0 && from <= size) {
                return from;
            }
        } catch (NumberFormatException e) {
            // Refused below, as any token this server did not hand out.
        }
        throw SnsError.invalidParameter("NextToken: '" + nextToken + "' is not a token of this listing");
    }

    private static String next(int from, int size) {
        return from + PAGE < size ? SnsXml.element("NextToken", Integer.toString(from + PAGE)) : "";
    }
}
