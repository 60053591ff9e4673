package io.streamlimit.local.lambda;

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
 * batchItemFailures stay, and reappear after the visibility timeout; whether the report is valid
 * at all is {@code SqsBatchOutcome}'s decision, made before.
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

    /** Deletes every message of the batch except those whose ids are in {@code failed}. */
    void deleteAllBut(List<Message> batch, List<String> failed) {
        deleter.execute(() -> {
            try {
                delete(batch, new HashSet<>(failed));
            } catch (RuntimeException e) {
                // Undeleted messages reappear after the visibility timeout: at least once.
                LOG.warn("DeleteMessageBatch failed; those messages will be delivered again", e);
            }
        });
    }

    private void delete(List<Message> batch, Set<String> failed) {
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
