package io.streamlimit.local.run;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Notes each message that arrives in the dead-letter queue, and when. It receives with the
 * longest visibility timeout, so each message is seen once and stays in the DLQ for the user.
 */
final class DlqWatcher implements AutoCloseable {

    private static final int HIDE_SECONDS = 43_200;

    private final SqsClient sqs;
    private final String dlqUrl;
    private final Clock clock;
    private final RunRecorder recorder;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger messages = new AtomicInteger();
    private final Thread thread;

    DlqWatcher(SqsClient sqs, String dlqUrl, Clock clock, RunRecorder recorder) {
        this.sqs = sqs;
        this.dlqUrl = dlqUrl;
        this.clock = clock;
        this.recorder = recorder;
        this.thread = new Thread(this::loop, "dlq-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Messages seen in the DLQ, poison ones (without a sequence number) included. */
    int messages() {
        return messages.get();
    }

    private void loop() {
        while (running.get()) {
            drainOnce(1);
        }
    }

    /** Receives what is there now; also used once more after the pipeline stops. */
    void drainOnce(int waitSeconds) {
        try {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(waitSeconds).visibilityTimeout(HIDE_SECONDS)).messages()) {
                messages.incrementAndGet();
                recorder.deadLettered(EventSeq.of(m.body()), clock.instant());
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                throw e;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
        drainOnce(0);
    }
}
