package io.streamlimit.local.chaos;

/**
 * How often a chaos run does each thing, by name. Shares of a choice are cumulative where the
 * code picks one of several by a single roll ({@link #pick}).
 *
 * @param handler the handler phase's worker (queue emulated in the harness)
 * @param storm the acquire storm
 * @param pipeline the SQS pipeline phase (ElasticMQ, the real event source mapping)
 * @param async the SNS -> Lambda phase (the emulator's asynchronous invocation)
 * @param kinesis the Kinesis phase, with the pipeline's shares: {@code duplicate} a PutRecords is put
 *     again, {@code downstreamError} a crash mid-batch (after the ledger); no raw delivery, no
 *     visibility timeout
 */
public record FaultPlan(Handler handler, Storm storm, Pipeline pipeline, Async async, Pipeline kinesis) {

    /** Without a Kinesis phase of its own: it plays nothing. */
    public FaultPlan(Handler handler, Storm storm, Pipeline pipeline, Async async) {
        this(handler, storm, pipeline, async, new Pipeline(0, 0, 0, 0, 0, 0, 0));
    }

    /**
     * @param send a step publishes events (else a direct ledger call, else a delivery)
     * @param direct a step calls the ledger directly
     * @param sendOpen a send opens a new stream (else closes one, else closes one before opening it)
     * @param sendClose a send closes an open stream
     * @param neverClosed a newly opened stream is never closed (its lease must free it)
     * @param duplicate an event is published twice, as SNS may deliver it
     * @param poison a send adds a malformed message
     * @param directAcquire a direct call is an acquire (then a release, a check, an open, else a close)
     * @param directRelease a direct call is a release
     * @param directCheck a direct call is a check
     * @param directOpen a direct call is an open event
     * @param shuffle a batch is handed over in another order (best-effort ordering)
     * @param lostDelete a processed message's delete is lost, so it is delivered again
     * @param downstreamError the downstream throws inside the handler
     * @param errorAfter the function fails after the handler ran
     * @param errorBefore the function fails before the handler ran
     */
    public record Handler(double send, double direct, double sendOpen, double sendClose, double neverClosed,
                          double duplicate, double poison, double directAcquire, double directRelease,
                          double directCheck, double directOpen, double shuffle, double lostDelete,
                          double downstreamError, double errorAfter, double errorBefore) {
    }

    /**
     * @param overHttp a request goes over real HTTP (else in process)
     * @param acquire a step is an acquire (then a release, a check, an open event, else a close event)
     * @param release a step releases the oldest stream of the window
     * @param check a step is a check
     * @param openEvent a step applies an open event
     */
    public record Storm(double overHttp, double acquire, double release, double check, double openEvent) {
    }

    /**
     * @param duplicate an event is published twice, byte for byte
     * @param rawDelivery a batch is sent straight to the queue, without the SNS envelope
     * @param errorAfter the function fails after the handler ran, on a fresh batch
     * @param downstreamError the downstream throws, on fresh events
     * @param visibilityOverrun the downstream outlives the visibility timeout
     * @param functionTimeout the downstream outlives the function timeout (at most {@link #maxTimeouts})
     */
    public record Pipeline(double duplicate, double rawDelivery, double errorAfter, double downstreamError,
                           double visibilityOverrun, double functionTimeout, int maxTimeouts) {
    }

    /**
     * @param queueDuplicate the async queue hands an event over twice on its own
     * @param errorBefore an attempt fails before the handler ran
     * @param errorAfter an attempt fails after the handler applied the event
     * @param alwaysFails an event whose every attempt fails: the DLQ after its two retries
     * @param slow an attempt holds its environment a while, so that others are throttled
     */
    public record Async(double queueDuplicate, double errorBefore, double errorAfter, double alwaysFails, double slow) {
    }

    /** The shares every run uses. */
    public static FaultPlan standard() {
        return new FaultPlan(
                new Handler(0.45, 0.30, 0.45, 0.35, 0.15, 0.12, 0.04, 0.35, 0.15, 0.30, 0.10, 0.3, 0.04,
                        0.03, 0.015, 0.01),
                new Storm(0.1, 0.6, 0.1, 0.2, 0.06),
                new Pipeline(0.1, 0.25, 0.05, 0.06, 0.08, 0.03, 2),
                new Async(0.05, 0.04, 0.04, 0.03, 0.05),
                new Pipeline(0.25, 0, 0.04, 0.12, 0, 0.03, 1));
    }

    /** The index of the first share whose running sum exceeds {@code roll}; {@code shares.length} when none does. */
    static int pick(double roll, double... shares) {
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (roll < sum) {
                return i;
            }
        }
        return shares.length;
    }
}
