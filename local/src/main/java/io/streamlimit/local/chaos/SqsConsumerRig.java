package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.lambda.FunctionConfig;
import io.streamlimit.local.lambda.LambdaFunction;
import io.streamlimit.local.lambda.LambdaObserver;
import io.streamlimit.local.lambda.MappingObserver;
import io.streamlimit.local.lambda.SqsEventSourceMapping;
import io.streamlimit.local.lambda.SqsMappingConfig;
import io.streamlimit.local.sqs.QueueWithDlq;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS phase's consumer side, started: the (faulty) handler as a function on the Lambda
 * emulator, fed by a real event source mapping on the queue with batches of 10, no window, and
 * at most {@code maximumConcurrency} invocations at once. Closing stops both.
 */
final class SqsConsumerRig implements AutoCloseable {

    private final LambdaFunction<SQSEvent, SQSBatchResponse> function;
    private final SqsEventSourceMapping mapping;

    SqsConsumerRig(SqsClient sqs, QueueWithDlq queue, String functionName, RequestHandler<SQSEvent, SQSBatchResponse> handler,
                   int visibilitySeconds, Duration functionTimeout, int maximumConcurrency, MappingObserver observer) {
        this.function = new LambdaFunction<>(new FunctionConfig(functionName, null, functionTimeout, 512), () -> handler,
                1_000, Clock.systemUTC(), LambdaObserver.NONE);
        this.mapping = new SqsEventSourceMapping(sqs, new SqsMappingConfig(queue.queueUrl(), queue.queueArn(), 10,
                Duration.ZERO, maximumConcurrency, Duration.ofSeconds(visibilitySeconds), Duration.ofSeconds(1),
                maximumConcurrency, AwsBehaviour.current()), function, Clock.systemUTC(), observer);
        mapping.start();
    }

    @Override
    public void close() {
        try (function) {
            mapping.close();
        }
    }
}
