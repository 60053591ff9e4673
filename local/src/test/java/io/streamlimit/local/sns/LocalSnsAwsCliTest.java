package io.streamlimit.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.local.api.LocalService;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.stack.LocalStackOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local SNS of {@code streamlimit up}, driven by the real AWS CLI and boto3; effects seen through GET /check. */
class LocalSnsAwsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path resultsDir;
    @TempDir
    static Path awsHome;

    static LocalStack stack;
    static LocalService service;
    static AwsCli aws;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(new LocalStackOptions(0, null, 0, resultsDir, 0, null));
        service = LocalService.start(stack, LedgerSettings.defaults(), new LocalService.Ports(0, 0), Clock.systemUTC());
        aws = new AwsCli(stack.snsServer().endpoint(), awsHome);
    }

    @AfterAll
    static void stop() {
        service.close();
        stack.close();
    }

    @Test
    void list_topics_and_subscriptions_show_the_topic_and_its_queue() throws Exception {
        JsonNode topics = ok(aws.sns("list-topics"));
        assertThat(topics.get("Topics")).extracting(t -> t.get("TopicArn").asText())
                .containsExactly(service.topicArn(), service.fifoTopicArn());

        JsonNode attributes = ok(aws.sns("get-topic-attributes", "--topic-arn", service.topicArn())).get("Attributes");
        assertThat(attributes.get("TopicArn").asText()).isEqualTo(service.topicArn());
        assertThat(attributes.get("Owner").asText()).isEqualTo("000000000000");
        assertThat(attributes.get("SubscriptionsConfirmed").asText()).isEqualTo("1");

        assertThat(ok(aws.sns("list-subscriptions")).get("Subscriptions")).extracting(s -> s.get("Endpoint").asText())
                .containsExactly(service.queue().queueArn(), service.fifoQueue().queueArn());
        for (JsonNode listing : new JsonNode[] {ok(aws.sns("list-subscriptions-by-topic", "--topic-arn", service.topicArn()))}) {
            JsonNode subscriptions = listing.get("Subscriptions");
            assertThat(subscriptions).hasSize(1);
            JsonNode subscription = subscriptions.get(0);
            assertThat(subscription.get("Protocol").asText()).isEqualTo("sqs");
            assertThat(subscription.get("Endpoint").asText()).isEqualTo(service.queue().queueArn());
            assertThat(subscription.get("TopicArn").asText()).isEqualTo(service.topicArn());
            assertThat(subscription.get("SubscriptionArn").asText()).startsWith(service.topicArn() + ":");
        }
    }

    @Test
    void an_unknown_topic_is_not_found() {
        String unknown = "arn:aws:sns:us-east-1:000000000000:nope";
        assertError(aws.sns("get-topic-attributes", "--topic-arn", unknown), "NotFound", "GetTopicAttributes", "Topic does not exist");
        assertError(aws.sns("list-subscriptions-by-topic", "--topic-arn", unknown), "NotFound", "ListSubscriptionsByTopic", "Topic does not exist");
        assertError(aws.sns("publish", "--topic-arn", unknown, "--message", "x"), "NotFound", "Publish", "Topic does not exist");
    }

    @Test
    void a_json_structured_message_delivers_its_default_and_the_sqs_key_wins_for_the_queue() throws Exception {
        ok(aws.sns("publish", "--topic-arn", service.topicArn(), "--message-structure", "json",
                "--message", JSON.writeValueAsString(Map.of("default", open("cli-default", "s1")))));
        ok(aws.sns("publish", "--target-arn", service.topicArn(), "--message-structure", "json",
                "--message", JSON.writeValueAsString(Map.of("default", "not an event",
                        "sqs", open("cli-sqs-key", "s1"), "lambda", "not an event either"))));
        ok(aws.sns("publish", "--target-arn", service.topicArn(), "--message", open("cli-target", "s1")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(check("cli-default")).contains("\"open\":1");
            assertThat(check("cli-sqs-key")).contains("\"open\":1");
            assertThat(check("cli-target")).contains("\"open\":1");
        });
        // Nothing lands in the DLQ: every message above was a valid event for its subscriber.
        assertThat(stack.sqs().getQueueAttributes(b -> b.queueUrl(service.queue().dlqUrl())
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings())
                .containsEntry("ApproximateNumberOfMessages", "0");
    }

    @Test
    void a_message_that_can_never_parse_reaches_the_dlq_at_once_raw_with_its_reason_and_leaves_the_queue() throws Exception {
        ok(aws.sns("publish", "--topic-arn", service.topicArn(), "--message", "not an event"));

        // A redelivery would come only after the 60 s visibility timeout, the redrive after 5 of them.
        List<Message> deadLetters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            deadLetters.addAll(stack.sqs().receiveMessage(b -> b.queueUrl(service.queue().dlqUrl())
                    .messageAttributeNames("All").waitTimeSeconds(1)).messages());
            return !deadLetters.isEmpty();
        });
        Message deadLetter = deadLetters.get(0);
        assertThat(deadLetter.body()).as("raw delivery: the message itself, no SNS envelope").isEqualTo("not an event");
        assertThat(deadLetter.messageAttributes().get("reason").stringValue()).contains("not valid JSON");
        assertThat(deadLetter.messageAttributes()).containsKey("sourceMessageId");
        stack.sqs().deleteMessage(b -> b.queueUrl(service.queue().dlqUrl()).receiptHandle(deadLetter.receiptHandle()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack.sqs().getQueueAttributes(b -> b
                        .queueUrl(service.queue().queueUrl())
                        .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings()).as("the original was deleted, not left to reappear")
                .containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "0"));
    }

    @Test
    void a_json_structured_message_without_default_or_not_json_is_refused() {
        assertError(aws.sns("publish", "--topic-arn", service.topicArn(), "--message-structure", "json",
                "--message", "{\"sqs\": \"x\"}"), "InvalidParameter", "Publish", "No default entry in JSON message body");
        assertError(aws.sns("publish", "--topic-arn", service.topicArn(), "--message-structure", "json",
                "--message", "{not json"), "InvalidParameter", "Publish", "JSON message body failed to parse");
    }

    @Test
    void publish_batch_refuses_repeated_ids_no_entries_and_more_than_ten_as_aws_does() {
        String script = """
                from botocore.exceptions import ClientError
                arn = '%s'
                def code(entries):
                    try:
                        r = sns.publish_batch(TopicArn=arn, PublishBatchRequestEntries=entries)
                        return 'ok %%d %%d' %% (len(r['Successful']), len(r['Failed']))
                    except ClientError as e:
                        return e.response['Error']['Code']
                entry = lambda i: {'Id': i, 'Message': 'x'}
                print(code([entry('a'), entry('a')]))
                print(code([]))
                print(code([entry(str(i)) for i in range(11)]))
                print(code([{'Id': 'good', 'Message': 'x', 'MessageStructure': 'json'}]))
                print(code([{'Id': 'j', 'Message': '{"default": "{\\\\"type\\\\":\\\\"open\\\\",\\\\"uid\\\\":\\\\"batch-json\\\\",\\\\"streamId\\\\":\\\\"s\\\\"}"}', 'MessageStructure': 'json'},
                            {'Id': 'k', 'Message': '{"sqs": "x"}', 'MessageStructure': 'json'}]))
                """.formatted(service.topicArn());
        AwsCli.Result result = aws.boto3(script);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().toList()).containsExactly(
                "BatchEntryIdsNotDistinct", "EmptyBatchRequest", "TooManyEntriesInBatchRequest", "ok 0 1", "ok 1 1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(check("batch-json")).contains("\"open\":1"));
    }

    @Test
    void the_fifo_topic_takes_a_group_and_deduplication_id_and_its_event_reaches_the_ledger_through_the_fifo_queue() throws Exception {
        JsonNode attributes = ok(aws.sns("get-topic-attributes", "--topic-arn", service.fifoTopicArn())).get("Attributes");
        assertThat(attributes.get("FifoTopic").asText()).isEqualTo("true");
        assertThat(attributes.get("ContentBasedDeduplication").asText()).isEqualTo("false");
        JsonNode subscriptions = ok(aws.sns("list-subscriptions-by-topic", "--topic-arn", service.fifoTopicArn())).get("Subscriptions");
        assertThat(subscriptions).extracting(s -> s.get("Endpoint").asText()).containsExactly(service.fifoQueue().queueArn());
        assertThat(service.fifoQueue().queueArn()).endsWith(":streamlimit-events.fifo");

        JsonNode first = ok(aws.sns("publish", "--topic-arn", service.fifoTopicArn(), "--message", open("cli-fifo", "f1"),
                "--message-group-id", "cli-fifo", "--message-deduplication-id", "cli-fifo-open-f1"));
        assertThat(first.get("MessageId").asText()).isNotEmpty();
        assertThat(first.get("SequenceNumber").asText()).matches("[0-9]{20}");
        // A copy within the 5-minute interval is accepted as the first and not delivered again.
        JsonNode copy = ok(aws.sns("publish", "--topic-arn", service.fifoTopicArn(), "--message", open("cli-fifo", "f1"),
                "--message-group-id", "cli-fifo", "--message-deduplication-id", "cli-fifo-open-f1"));
        assertThat(copy.get("MessageId").asText()).isEqualTo(first.get("MessageId").asText());
        ok(aws.sns("publish", "--topic-arn", service.fifoTopicArn(), "--message", open("cli-fifo", "f2"),
                "--message-group-id", "cli-fifo", "--message-deduplication-id", "cli-fifo-open-f2"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(check("cli-fifo")).contains("\"open\":2"));
        assertThat(stack.sqs().getQueueAttributes(b -> b.queueUrl(service.fifoQueue().dlqUrl())
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings())
                .containsEntry("ApproximateNumberOfMessages", "0");
    }

    @Test
    void a_bad_event_on_the_fifo_topic_reaches_the_fifo_dlq_at_once_with_its_reason_and_the_uid_as_group() throws Exception {
        String bad = "{\"type\":\"teleport\",\"uid\":\"cli-fifo-bad\",\"streamId\":\"b1\"}";
        ok(aws.sns("publish", "--topic-arn", service.fifoTopicArn(), "--message", bad,
                "--message-group-id", "cli-fifo-bad", "--message-deduplication-id", "cli-fifo-bad-b1"));

        List<Message> deadLetters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            deadLetters.addAll(stack.sqs().receiveMessage(b -> b.queueUrl(service.fifoQueue().dlqUrl())
                    .messageAttributeNames("All").messageSystemAttributeNamesWithStrings("All").waitTimeSeconds(1)).messages());
            return !deadLetters.isEmpty();
        });
        Message deadLetter = deadLetters.get(0);
        stack.sqs().deleteMessage(b -> b.queueUrl(service.fifoQueue().dlqUrl()).receiptHandle(deadLetter.receiptHandle()));
        assertThat(deadLetter.body()).isEqualTo(bad);
        assertThat(deadLetter.messageAttributes().get("reason").stringValue())
                .isEqualTo("type: must be \"open\" or \"close\", got \"teleport\"");
        assertThat(deadLetter.attributesAsStrings()).containsEntry("MessageGroupId", "cli-fifo-bad");
        assertThat(stack.sqs().getQueueAttributes(b -> b.queueUrl(service.queue().dlqUrl())
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings())
                .as("not in the standard pipeline's DLQ").containsEntry("ApproximateNumberOfMessages", "0");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack.sqs().getQueueAttributes(b -> b
                        .queueUrl(service.fifoQueue().queueUrl())
                        .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings()).as("the original left the FIFO queue")
                .containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "0"));
    }

    @Test
    void the_fifo_topic_refuses_a_message_without_a_group_or_a_deduplication_id_as_aws_does() throws Exception {
        assertError(aws.sns("publish", "--topic-arn", service.fifoTopicArn(), "--message", open("cli-fifo-none", "s")),
                "InvalidParameter", "Publish", "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        assertError(aws.sns("publish", "--topic-arn", service.fifoTopicArn(), "--message", open("cli-fifo-none", "s"),
                "--message-group-id", "cli-fifo-none"), "InvalidParameter", "Publish",
                "Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        String script = """
                from botocore.exceptions import ClientError
                try:
                    sns.publish_batch(TopicArn='%s', PublishBatchRequestEntries=[
                        {'Id': 'a', 'Message': 'x', 'MessageGroupId': 'g', 'MessageDeduplicationId': 'a'},
                        {'Id': 'b', 'Message': 'y', 'MessageDeduplicationId': 'b'}])
                    print('accepted')
                except ClientError as e:
                    print(e.response['Error']['Code'], e.response['Error']['Message'])
                r = sns.publish_batch(TopicArn='%s', PublishBatchRequestEntries=[
                    {'Id': 'c', 'Message': '{"type":"open","uid":"batch-fifo","streamId":"c"}', 'MessageGroupId': 'batch-fifo', 'MessageDeduplicationId': 'c'}])
                print(len(r['Successful']), len(r['Successful'][0]['SequenceNumber']))
                """.formatted(service.fifoTopicArn(), service.fifoTopicArn());
        AwsCli.Result result = aws.boto3(script);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().toList()).containsExactly(
                "InvalidParameter Invalid parameter: The MessageGroupId parameter is required for FIFO topics", "1 20");
        assertThat(check("cli-fifo-none")).contains("\"open\":0");
    }

    @Test
    void another_call_gets_invalid_action_naming_what_is_served() {
        assertError(aws.sns("create-topic", "--name", "t"), "InvalidAction", "CreateTopic", "ListTopics");
    }

    private static String open(String uid, String streamId) {
        return "{\"type\":\"open\",\"uid\":\"" + uid + "\",\"streamId\":\"" + streamId + "\"}";
    }

    private static JsonNode ok(AwsCli.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return JSON.readTree(result.stdout());
    }

    private static void assertError(AwsCli.Result result, String code, String operation, String... mentions) {
        assertThat(result.exitCode()).as(result.stdout()).isNotZero();
        assertThat(result.stderr()).contains("An error occurred (" + code + ") when calling the " + operation + " operation")
                .contains(mentions);
    }

    private static String check(String uid) throws Exception {
        URI url = URI.create(service.apiUrl().toString().replaceAll("/$", "") + "/check/" + uid);
        return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
