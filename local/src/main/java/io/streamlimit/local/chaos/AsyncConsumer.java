package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.SnsConsumerHandler;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.Ledger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real SNS consumer handler with the fate of each message ({@link AsyncFate}) played out
 * around it. Each event the downstream is handed is recorded in the history and counted as
 * applied; an attempt that returns normally finishes its copy of the message.
 */
final class AsyncConsumer implements RequestHandler<SNSEvent, Void> {

    private final SnsConsumerHandler real;
    private final Map<String, AsyncFate> fates;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Outstanding outstanding;
    private final Duration slow;
    private final Duration stall;
    private final Runnable stalling;

    /**
     * @param fates each message body's fate (absent: {@link AsyncFate#NORMAL})
     * @param applied collects the key of every event the ledger applied
     * @param stalling told when a {@link AsyncFate#STALL} attempt starts holding its environment
     */
    AsyncConsumer(Ledger ledger, History history, Set<String> applied, Map<String, AsyncFate> fates,
                  Outstanding outstanding, Duration slow, Duration stall, Runnable stalling) {
        this.fates = fates;
        this.outstanding = outstanding;
        this.slow = slow;
        this.stall = stall;
        this.stalling = stalling;
        Downstream downstream = (events, invocation) -> {
            long tick = history.tick();
            for (StreamEvent e : events) {
                applied.add(BatchRecorder.key(e));
                history.record(e.type() == EventType.OPEN ? OpKind.OPEN : OpKind.CLOSE, e.uid(), e.streamId(), "async",
                        tick, history.tick(), -1, new Answer.Applied(null));
            }
            return List.of();
        };
        this.real = new SnsConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream));
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        String body = event.getRecords().get(0).getSNS().getMessage();
        AsyncFate fate = fates.getOrDefault(body, AsyncFate.NORMAL);
        int attempt = attempts.merge(body, 1, Integer::sum); // a copy the queue made counts as another attempt
        if (fate == AsyncFate.ALWAYS_FAILS || fate == AsyncFate.ERROR_BEFORE_ONCE && attempt == 1) {
            throw new IllegalStateException("chaos: injected function error before the handler");
        }
        real.handleRequest(event, context);
        if (fate == AsyncFate.ERROR_AFTER_ONCE && attempt == 1) {
            throw new IllegalStateException("chaos: injected function error after the handler");
        }
        if (fate == AsyncFate.SLOW) {
            hold(slow);
        } else if (fate == AsyncFate.STALL) {
            stalling.run();
            hold(stall);
        }
        outstanding.done();
        return null;
    }

    private static void hold(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // holds the environment: other attempts find no concurrency
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("chaos: stopped by the function timeout");
        }
    }
}
