package io.streamlimit.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Deletes what a successful invocation processed, off the poller's thread: the mapping does not
 * wait for its deletes (DeleteMessageBatch) before polling again. Items the function reported in
 * batchItemFailures stay, and reappear after the visibility timeout.
 */
final class SqsBatchDeleter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchDeleter.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final MappingObserver observer;
    private final ExecutorService deleter = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "esm-deleter");
        t.setDaemon(true);
        return t;
    });

    SqsBatchDeleter(SqsClient sqs, String queueUrl, MappingObserver observer) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.observer = observer;
    }

    void deleteSucceeded(List<Message> batch, SQSBatchResponse response) {
        deleter.execute(() -> {
            try {
                delete(batch, response);
            } catch (RuntimeException e) {
                // Undeleted messages reappear after the visibility timeout: at least once.
                LOG.warn("DeleteMessageBatch failed; those messages will be delivered again", e);
            }
        });
    }

    private void delete(List<Message> batch, SQSBatchResponse response) {
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        if (response != null && response.getBatchItemFailures() != null) {
            for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                String id = failure.getItemIdentifier();
                if (id == null || id.isEmpty() || !ids.contains(id)) {
                    // AWS treats an empty or unknown id as a failure of the whole batch.
                    LOG.warn("Batch item failure with an unknown id '{}': the whole batch fails", id);
                    return;
                }
                failed.add(id);
            }
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Message m : batch) {
            if (!failed.contains(m.messageId())) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!entries.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            observer.sqsRequests(1);
        }
    }

    /** Deletes already sent land before the queue is looked at again. */
    @Override
    public void close() {
        deleter.shutdown();
        try {
            deleter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
