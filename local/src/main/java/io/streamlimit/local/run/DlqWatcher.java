package io.streamlimit.local.run;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Notes each message that arrives in the dead-letter queue, and when. It receives with the
 * longest visibility timeout, so each message is seen once and stays in the DLQ for the user.
 * A FIFO DLQ would then block each message's group, hiding the group's later dead letters, so
 * there it receives without hiding and remembers what it saw (a receive shows at most 10 of one
 * group, so more than 10 dead letters of one uid are not all seen).
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
    private final boolean fifo;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    DlqWatcher(SqsClient sqs, String dlqUrl, Clock clock, RunRecorder recorder) {
        this(sqs, dlqUrl, false, clock, recorder);
    }

    DlqWatcher(SqsClient sqs, String dlqUrl, boolean fifo, Clock clock, RunRecorder recorder) {
        this.fifo = fifo;
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
            int fresh = 0;
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(waitSeconds).visibilityTimeout(fifo ? 0 : HIDE_SECONDS)).messages()) {
                if (fifo && !seen.add(m.messageId())) {
                    continue;
                }
                fresh++;
                messages.incrementAndGet();
                recorder.deadLettered(EventSeq.of(m.body()), clock.instant());
            }
            if (fifo && fresh == 0 && waitSeconds > 0 && running.get()) {
                // What it saw stays visible, so a receive returns at once: look again a moment later.
                Thread.sleep(200);
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
        drainOnce(0);
    }
}
