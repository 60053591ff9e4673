package io.streamlimit.cdk;

import io.streamlimit.scenario.StreamSpec;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.lambda.CfnEventSourceMapping;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import java.util.List;

/**
 * API Gateway -> Kinesis -> consumer (pipeline api-kinesis-lambda): the stream, the
 * {@code POST /records} route that puts events into it, the consumer's event source mapping and its
 * on-failure queue, and the pipeline's alarms.
 */
final class KinesisPipeline extends Construct {

    private final EventStream stream;
    private final Queue onFailure;
    private final PutRecordsApi api;
    private final CfnEventSourceMapping mapping;
    private final List<Alarm> alarms;

    KinesisPipeline(Construct scope, String id, String scenarioName, StreamSpec settings, IFunction consumer,
            StageThrottle throttle) {
        super(scope, id);
        this.stream = new EventStream(this, "Events", settings);
        this.onFailure = Queue.Builder.create(this, "OnFailureQueue")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        StackNagSuppressions.forKinesisOnFailureDestination(onFailure);
        this.mapping = KinesisConsumerSource.connect(stream.stream(), consumer, onFailure, settings);
        this.api = new PutRecordsApi(this, "PutRecordsApi", stream.stream(), throttle);
        StackNagSuppressions.forPutRecordsApi(api);
        this.alarms = KinesisAlarms.create(this, scenarioName, stream.stream(), onFailure);
    }

    EventStream stream() {
        return stream;
    }

    Queue onFailure() {
        return onFailure;
    }

    PutRecordsApi api() {
        return api;
    }

    CfnEventSourceMapping mapping() {
        return mapping;
    }

    List<Alarm> alarms() {
        return alarms;
    }
}
