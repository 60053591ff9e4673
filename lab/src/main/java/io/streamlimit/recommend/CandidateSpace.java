package io.streamlimit.recommend;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.FifoSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.ProvisionedPollers;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.StreamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The configurations worth simulating for a limit. Not a blind grid: each environment makes one
 * batch of calls per {@code callMillis}, so a batch size b and n environments deliver
 * n x b x 1000 / callMillis calls a second, and only the (b, n) that come closest to the limit
 * without passing it are tried; around each, the ways of holding concurrency at n (maximum
 * concurrency, reserved concurrency, both) and three visibility timeouts, with AWS's minimum
 * advised maxReceiveCount (5; the advice and the limits come from the {@link AwsBehaviour} the
 * candidates run under). A larger receive limit only matters where messages are received again,
 * so it is tried afterwards, only for candidates that lost events ({@link #moreReceives}). SNS
 * straight to Lambda is tried for batch size 1. Every candidate is tried twice: without
 * provisioned concurrency and with all n environments provisioned (the concurrency it uses),
 * which saves the first cold start at the price of the provisioned time.
 *
 * <p>API Gateway -> Kinesis -> Lambda is tried beside them: a stream runs at most shards x
 * parallelization factor batches at once, so for n concurrent batches of b records the stream
 * takes the fewest shards that reach n (a parallelization factor up to 10 dividing n; fewer shards
 * cost less while deployed) and, for n up to {@value #MAX_SHARDS_PER_BATCH_CANDIDATE}, one shard a
 * batch (factor 1, so a failing batch blocks fewer partition keys); b is sized to the limit, up to
 * AWS's 10,000, with a matching reservation.
 *
 * <p>The FIFO pipeline (a viewer's events in order) is tried after the standard ones, for each
 * batch size a FIFO queue allows, paced as the first family: ties go to the standard queue, so
 * order wins only where it costs nothing.
 *
 * <p>Where the behaviour has SnapStart, every SNS -> SQS and SNS -> Lambda candidate without
 * provisioned concurrency (the ones whose environments start cold) is tried a third time with it:
 * a restore instead of the init, free for Java, never with provisioned concurrency. Those come
 * last, after the Kinesis and FIFO ones, so that on a tie the plainer setting wins and SnapStart
 * wins only where its shorter cold starts show in the ranked figures.
 *
 * <p>Where the behaviour has provisioned mode for SQS, the queued shapes of at least 20
 * environments are tried with provisioned pollers too: the fewest pollers (2, 20 concurrent
 * batches) always running and as many as the n environments need at most ({@link #POLLERS}); AWS
 * refuses MaximumConcurrency with them, so a reservation of n holds the limit. They start a spike
 * with 20 concurrent batches and scale faster, and bill the minimum pollers around the clock.
 */
final class CandidateSpace {

    static final String PACED = "maximum concurrency with a matching reservation";
    static final String PACED_HEADROOM = "maximum concurrency with one spare reserved environment";
    static final String PACED_UNRESERVED = "maximum concurrency without a reservation";
    static final String RESERVED_ONLY = "reserved concurrency only";
    static final String ASYNC = "SNS straight to Lambda with reserved concurrency";
    static final String KINESIS = "API Gateway -> Kinesis, the stream's shape bounding concurrency";
    /** Beyond this many shards, the one-shard-a-batch candidate is left out: its standing charge grows with them. */
    static final int MAX_SHARDS_PER_BATCH_CANDIDATE = 10;
    static final String FIFO = "FIFO queue (each viewer's events in order), maximum concurrency with a matching reservation";
    static final String POLLERS = "provisioned pollers sized for the limit with a matching reservation";
    /** Appended to a family when every environment it uses is provisioned. */
    static final String PROVISIONED = ", every environment provisioned";
    /** Appended to a family whose new environments restore a SnapStart snapshot. */
    static final String SNAPSTART = ", SnapStart";

    private static final int[] BATCH_SIZES = {10, 5, 2, 1};
    private static final int MORE_RECEIVES = 10;
    private static final int LONG_VISIBILITY_SECONDS = 1_200;

    private final RecommendRequest request;
    private final AwsBehaviour aws;
    private final int timeoutSeconds;

    /** @param aws the behaviour the candidates will run under: its limits bound them */
    CandidateSpace(RecommendRequest request, AwsBehaviour aws) {
        this.request = request;
        this.aws = aws;
        // Room for the calls plus a margin, never under the default.
        this.timeoutSeconds = Math.max(ConsumerSpec.DEFAULT_TIMEOUT_SECONDS,
                2 * (int) Math.ceil(request.callMillis() / 1000.0));
    }

    List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        List<int[]> shapes = shapes();
        for (int[] shape : shapes) {
            int batch = shape[0];
            int environments = shape[1];
            for (boolean provisioned : new boolean[] {false, true}) {
                int pc = provisioned ? environments : 0;
                addQueued(out, batch, environments, pc, false);
                if (batch == 1) {
                    out.add(async(environments, pc, false));
                }
            }
        }
        addStreams(out);
        for (int[] shape : shapes()) {
            if (shape[0] <= aws.maxFifoBatchSize()) {
                out.add(fifo(shape[0], shape[1]));
            }
        }
        if (aws.snapStartAvailable()) {
            for (int[] shape : shapes) {
                addQueued(out, shape[0], shape[1], 0, true);
                if (shape[0] == 1) {
                    out.add(async(shape[1], 0, true));
                }
            }
        }
        return out;
    }

    /** Kinesis candidates: for each number of concurrent batches, the batch size that fills the limit. */
    private void addStreams(List<Candidate> out) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int[] shape : shapes()) {
            seen.add(shape[1]);
        }
        for (int n : new int[] {1, 2, 5, 10}) {
            seen.add(n);
        }
        for (int n : seen.stream().sorted().toList()) {
            long batch = (long) request.limitPerSecond() * request.callMillis() / (1_000L * n);
            if (batch < 1 || n > aws.unreservedConcurrency()) {
                continue;
            }
            int size = (int) Math.min(batch, aws.maxStreamBatchSize());
            int factor = largestFactorAtMost(n, aws.maxParallelizationFactor());
            out.add(stream(n / factor, factor, size));
            if (factor > 1 && n <= MAX_SHARDS_PER_BATCH_CANDIDATE && n <= aws.maxStreamShards()) {
                out.add(stream(n, 1, size));
            }
        }
    }

    private static int largestFactorAtMost(int n, int max) {
        for (int f = Math.min(n, max); f > 1; f--) {
            if (n % f == 0) {
                return f;
            }
        }
        return 1;
    }

    private Candidate stream(int shards, int factor, int batch) {
        int window = batch > 1 ? 1 : 0;
        StreamSpec stream = StreamSpec.defaults().withShards(shards).withBatchSize(batch).withBatchWindowSeconds(window)
                .withParallelizationFactor(factor);
        ConsumerSpec consumer = new ConsumerSpec(shards * factor, null, timeoutSeconds, ConsumerSpec.DEFAULT_MEMORY_MB);
        String label = "api-kinesis-lambda, " + shards + (shards == 1 ? " shard" : " shards")
                + ", parallelization factor " + factor + ", batch " + batch
                + (window > 0 ? " (window " + window + " s)" : "") + ", reserved concurrency " + shards * factor;
        return new Candidate(scenario(Pipeline.API_KINESIS_LAMBDA, null, consumer).withStream(stream), KINESIS, label);
    }

    /** The FIFO pipeline paced as {@link #PACED}, with AWS's advised visibility timeout and no batching window. */
    private Candidate fifo(int batch, int environments) {
        QueueSpec queue = new QueueSpec(aws.recommendedVisibilityTimeoutSeconds(timeoutSeconds, 0),
                aws.recommendedMinMaxReceiveCount(), batch, 0).withFifo(FifoSpec.defaults());
        int maximum = Math.max(aws.minMaximumConcurrency(), environments);
        ConsumerSpec consumer = new ConsumerSpec(environments, maximum, timeoutSeconds, ConsumerSpec.DEFAULT_MEMORY_MB);
        String label = "sns-fifo-sqs-fifo-lambda, batch " + batch + ", maximum concurrency " + maximum
                + ", reserved concurrency " + environments + ", visibility " + queue.visibilityTimeoutSeconds() + " s"
                + ", maxReceiveCount " + queue.maxReceiveCount();
        return new Candidate(scenario(Pipeline.SNS_FIFO_SQS_FIFO_LAMBDA, queue, consumer), FIFO, label);
    }

    /** (batch size, environments) pairs that reach at least 90 % of the best capacity under the limit. */
    private List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        long best = 0;
        for (int batch : BATCH_SIZES) {
            best = Math.max(best, (long) environments(batch) * batch);
        }
        for (int batch : BATCH_SIZES) {
            int environments = environments(batch);
            long capacity = (long) environments * batch;
            if (environments >= 1 && capacity * 10 >= best * 9) {
                shapes.add(new int[] {batch, environments});
            }
        }
        return shapes;
    }

    /**
     * Environments of {@code batch} records each that stay within the limit, and within what one
     * function can reserve and one mapping can be capped at.
     */
    private int environments(int batch) {
        long perEnvironmentPerSecond = (long) batch * 1_000;
        long n = (long) request.limitPerSecond() * request.callMillis() / perEnvironmentPerSecond;
        return (int) Math.min(n, Math.min(aws.unreservedConcurrency(), aws.maxMaximumConcurrency()));
    }

    /**
     * @param provisioned the provisioned concurrency: 0 or {@code environments}
     * @param snapStart with SnapStart (only without provisioned concurrency)
     */
    private void addQueued(List<Candidate> out, int batch, int environments, int provisioned, boolean snapStart) {
        int window = batch > 1 ? 1 : 0;
        // AWS's guidance first, so that it wins ties.
        int[] visibilities = {
            aws.recommendedVisibilityTimeoutSeconds(timeoutSeconds, window), LONG_VISIBILITY_SECONDS, timeoutSeconds + window};
        int maximum = Math.max(aws.minMaximumConcurrency(), environments);
        for (int visibility : visibilities) {
            QueueSpec queue = new QueueSpec(visibility, aws.recommendedMinMaxReceiveCount(), batch, window);
            out.add(queued(PACED, queue, environments, maximum, provisioned, snapStart));
            // The spare reserved environment must fit in the unreserved pool.
            if (environments >= 2 && environments < aws.unreservedConcurrency()) {
                out.add(queued(PACED_HEADROOM, queue, environments + 1, environments, provisioned, snapStart));
                out.add(queued(PACED_UNRESERVED, queue, null, environments, provisioned, snapStart));
            }
            out.add(queued(RESERVED_ONLY, queue, environments, null, provisioned, snapStart));
        }
        // Only where the fewest pollers AWS allows (2, 20 concurrent batches) fit in the
        // environments the limit allows: below, they pull more batches than the reservation takes,
        // throttle by construction and only cost the search time (at --limit 1 over the spiky day,
        // 60 s of CPU for a family that cannot win).
        if (aws.provisionedPollersAvailable()
                && environments >= aws.minMinimumPollers() * aws.concurrentInvokesPerPoller()) {
            // At AWS's advised visibility only: the pollers change how fast the mapping scales,
            // not what becomes of a message received again.
            QueueSpec queue = new QueueSpec(visibilities[0], aws.recommendedMinMaxReceiveCount(), batch, window)
                    .withPollers(pollersFor(environments));
            out.add(queued(POLLERS, queue, environments, null, provisioned, snapStart));
        }
    }

    /** The fewest pollers always running, and enough at most for {@code environments} concurrent batches. */
    private ProvisionedPollers pollersFor(int environments) {
        int perPoller = aws.concurrentInvokesPerPoller();
        int maximum = Math.min(aws.maxMaximumPollers(),
                Math.max(aws.minMaximumPollers(), (environments + perPoller - 1) / perPoller));
        int minimum = Math.min(aws.minMinimumPollers(), maximum);
        return new ProvisionedPollers(minimum, Math.max(minimum, maximum));
    }

    /** The same queued candidate allowing more receives before the dead-letter queue, or null. */
    Candidate moreReceives(Candidate candidate) {
        QueueSpec queue = candidate.scenario().queue();
        if (queue == null || queue.maxReceiveCount() >= MORE_RECEIVES) {
            return null;
        }
        ConsumerSpec consumer = candidate.scenario().consumer();
        String family = candidate.family();
        for (String lever : new String[] {PROVISIONED, SNAPSTART}) {
            if (family.endsWith(lever)) {
                family = family.substring(0, family.length() - lever.length());
            }
        }
        if (queue.isFifo()) {
            return null; // a FIFO candidate is the paced shape only
        }
        return queued(family, queue.withMaxReceiveCount(MORE_RECEIVES), consumer.reservedConcurrency(),
                consumer.maximumConcurrency(), consumer.provisionedConcurrency(), consumer.snapStart());
    }

    private Candidate queued(String family, QueueSpec queue, Integer reserved, Integer maximum, int provisioned,
                             boolean snapStart) {
        ConsumerSpec consumer = new ConsumerSpec(reserved, maximum, timeoutSeconds, ConsumerSpec.DEFAULT_MEMORY_MB,
                provisioned).withSnapStart(snapStart);
        String label = "sns-sqs-lambda, batch " + queue.batchSize()
                + (queue.batchWindowSeconds() > 0 ? " (window " + queue.batchWindowSeconds() + " s)" : "")
                + ", maximum concurrency " + (maximum == null ? "none" : maximum)
                + (queue.pollers() == null ? "" : ", provisioned pollers " + queue.pollers().minimumPollers()
                        + " to " + queue.pollers().maximumPollers())
                + ", reserved concurrency " + (reserved == null ? "none" : reserved)
                + leverLabel(provisioned, snapStart)
                + ", visibility " + queue.visibilityTimeoutSeconds() + " s"
                + ", maxReceiveCount " + queue.maxReceiveCount();
        return new Candidate(scenario(Pipeline.SNS_SQS_LAMBDA, queue, consumer), family(family, provisioned, snapStart),
                label);
    }

    private Candidate async(int reserved, int provisioned, boolean snapStart) {
        ConsumerSpec consumer = new ConsumerSpec(reserved, null, timeoutSeconds, ConsumerSpec.DEFAULT_MEMORY_MB,
                provisioned).withSnapStart(snapStart);
        return new Candidate(scenario(Pipeline.SNS_LAMBDA, null, consumer), family(ASYNC, provisioned, snapStart),
                "sns-lambda, reserved concurrency " + reserved + leverLabel(provisioned, snapStart));
    }

    private static String family(String family, int provisioned, boolean snapStart) {
        return family + (provisioned > 0 ? PROVISIONED : "") + (snapStart ? SNAPSTART : "");
    }

    private static String leverLabel(int provisioned, boolean snapStart) {
        return (provisioned > 0 ? ", provisioned concurrency " + provisioned : "") + (snapStart ? ", SnapStart" : "");
    }

    private Scenario scenario(Pipeline pipeline, QueueSpec queue, ConsumerSpec consumer) {
        EventsSpec events = request.eventsSpec();
        DownstreamSpec downstream = new DownstreamSpec(request.limitPerSecond(), request.callMillis(), false);
        return new Scenario("recommended-" + request.limitPerSecond() + "-per-second", "", events, pipeline,
                queue, consumer, downstream, null, pipeline == Pipeline.API_KINESIS_LAMBDA ? StreamSpec.defaults() : null);
    }
}
