package io.streamlimit.cdk;

import io.streamlimit.scenario.StreamSpec;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.lambda.CfnEventSourceMapping;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.KinesisEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.IConstruct;

/**
 * The consumer's Kinesis event source mapping with the scenario's settings. AWS's "infinite"
 * (-1) retry attempts and record age are written into the template as -1, CloudFormation's own
 * way to say it, rather than left out: the template then says what the scenario says.
 */
final class KinesisConsumerSource {

    private KinesisConsumerSource() {
    }

    /**
     * Reads each shard from its oldest record (TRIM_HORIZON), so events put before the mapping's
     * first poll are not skipped; failed batches report their failed records
     * (ReportBatchItemFailures), and what the mapping gives up on leaves its metadata (shard,
     * sequence numbers, reason) in {@code onFailure}.
     */
    static CfnEventSourceMapping connect(IStream stream, IFunction consumer, IQueue onFailure, StreamSpec settings) {
        KinesisEventSource.Builder source = KinesisEventSource.Builder.create(stream)
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(settings.batchSize())
                .parallelizationFactor(settings.parallelizationFactor())
                .bisectBatchOnError(settings.bisectOnError())
                .reportBatchItemFailures(true)
                .onFailure(new SqsDlq(onFailure));
        if (settings.batchWindowSeconds() > 0) {
            source.maxBatchingWindow(Duration.seconds(settings.batchWindowSeconds()));
        }
        // CDK accepts only finite values (0 to 10,000 attempts, 60 s to 7 days); -1 goes in below.
        if (settings.retriesLimited()) {
            source.retryAttempts(settings.maxRetryAttempts());
        }
        if (settings.recordAgeLimited()) {
            source.maxRecordAge(Duration.seconds(settings.maxRecordAgeSeconds()));
        }
        consumer.addEventSource(source.build());
        CfnEventSourceMapping mapping = onlyMapping(consumer);
        if (!settings.retriesLimited()) {
            mapping.addPropertyOverride("MaximumRetryAttempts", StreamSpec.INFINITE);
        }
        if (!settings.recordAgeLimited()) {
            mapping.addPropertyOverride("MaximumRecordAgeInSeconds", StreamSpec.INFINITE);
        }
        return mapping;
    }

    /** The mapping CDK created under the function or alias: the consumer has exactly one event source. */
    private static CfnEventSourceMapping onlyMapping(IFunction consumer) {
        CfnEventSourceMapping found = null;
        for (IConstruct child : consumer.getNode().findAll()) {
            if (child instanceof CfnEventSourceMapping mapping) {
                if (found != null) {
                    throw new IllegalStateException("the consumer has more than one event source mapping");
                }
                found = mapping;
            }
        }
        if (found == null) {
            throw new IllegalStateException("the Kinesis event source created no mapping under " + consumer.getNode().getPath());
        }
        return found;
    }
}
