package io.streamlimit.local.run;

import io.streamlimit.local.lambda.KinesisEventSourceMapping;
import java.time.Clock;

/** Samples the stream's iterator age once a second into the run's counts, as the simulator does. */
final class IteratorAgeSampler implements AutoCloseable {

    private final Thread thread;

    IteratorAgeSampler(KinesisEventSourceMapping mapping, Clock clock, RunRecorder recorder) {
        thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    recorder.iteratorAgeSample(mapping.iteratorAgeMillis(), clock.instant());
                    Thread.sleep(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iterator-age");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
