package io.streamlimit.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.local.AwsClients;
import io.streamlimit.local.lambda.FunctionConfig;
import io.streamlimit.local.lambda.LambdaFunction;
import io.streamlimit.local.lambda.LambdaObserver;
import io.streamlimit.local.lambda.MappingObserver;
import io.streamlimit.local.lambda.SqsEventSourceMapping;
import io.streamlimit.local.lambda.SqsMappingConfig;
import io.streamlimit.local.run.ScenarioEvents;
import io.streamlimit.local.sqs.QueueWithDlq;
import io.streamlimit.producer.SnsEventPublisher;
import io.streamlimit.scenario.EventsSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The same pipeline on LocalStack's SNS, SQS and DynamoDB instead of the embedded services.
 * Needs a Docker engine; without one JUnit reports the class skipped ("disabledWithoutDocker").
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPipelineTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(Service.SQS, Service.SNS, Service.DYNAMODB);

    @Test
    void events_published_to_sns_reach_the_ledger_through_sqs_and_the_emulated_consumer() throws Exception {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(LOCALSTACK.getEndpoint());
        SqsClient sqs = AwsClients.sqs(LOCALSTACK.getEndpoint());
        SnsClient sns = AwsClients.sns(LOCALSTACK.getEndpoint());
        String table = "streamlimit-ledger-localstack";
        LedgerTableSchema.createIfMissing(dynamoDb, table);
        Ledger ledger = new Ledger(new DynamoDbLedgerStore(dynamoDb, table), LedgerSettings.defaults(), Clock.systemUTC());
        QueueWithDlq queue = QueueWithDlq.create(sqs, "streamlimit-localstack", 30, 5);
        String topicArn = sns.createTopic(b -> b.name("streamlimit-localstack")).topicArn();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.queueArn()));

        ConsumerService service = new ConsumerService(new EventParser(), ledger, Downstream.NONE);
        try (LambdaFunction<SQSEvent, SQSBatchResponse> function = new LambdaFunction<>(
                        new FunctionConfig("consumer", 5, Duration.ofSeconds(10), 512), () -> new ConsumerHandler(service),
                        AwsBehaviour.current().unreservedConcurrency(), Clock.systemUTC(), LambdaObserver.NONE);
                SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, new SqsMappingConfig(queue.queueUrl(),
                        queue.queueArn(), 10, Duration.ZERO, 5, Duration.ofSeconds(30), Duration.ofSeconds(1), 8,
                        AwsBehaviour.current()), function, Clock.systemUTC(), MappingObserver.NONE)) {
            mapping.start();
            List<StreamEvent> events = ScenarioEvents.generate(EventsSpec.burst(90), "ls");
            new SnsEventPublisher(sns, topicArn).publish(events);

            // 90 events in groups of (open a, open b, close a) over 200 users: each uid keeps one open stream.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (int group = 0; group < 30; group++) {
                    assertThat(ledger.check("viewer-" + group).open()).isEqualTo(1);
                }
            });
        }
    }
}
