package io.streamlimit.recommend;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
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
    /** Appended to a family when every environment it uses is provisioned. */
    static final String PROVISIONED = ", every environment provisioned";

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
        for (int[] shape : shapes()) {
            int batch = shape[0];
            int environments = shape[1];
            for (boolean provisioned : new boolean[] {false, true}) {
                int pc = provisioned ? environments : 0;
                addQueued(out, batch, environments, pc);
                if (batch == 1) {
                    out.add(async(environments, pc));
                }
            }
        }
        addStreams(out);
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

    /** @param provisioned the provisioned concurrency: 0 or {@code environments} */
    private void addQueued(List<Candidate> out, int batch, int environments, int provisioned) {
        int window = batch > 1 ? 1 : 0;
        // AWS's guidance first, so that it wins ties.
        int[] visibilities = {
            aws.recommendedVisibilityTimeoutSeconds(timeoutSeconds, window), LONG_VISIBILITY_SECONDS, timeoutSeconds + window};
        int maximum = Math.max(aws.minMaximumConcurrency(), environments);
        for (int visibility : visibilities) {
            QueueSpec queue = new QueueSpec(visibility, aws.recommendedMinMaxReceiveCount(), batch, window);
            out.add(queued(PACED, queue, environments, maximum, provisioned));
            // The spare reserved environment must fit in the unreserved pool.
            if (environments >= 2 && environments < aws.unreservedConcurrency()) {
                out.add(queued(PACED_HEADROOM, queue, environments + 1, environments, provisioned));
                out.add(queued(PACED_UNRESERVED, queue, null, environments, provisioned));
            }
            out.add(queued(RESERVED_ONLY, queue, environments, null, provisioned));
        }
    }

    /** The same queued candidate allowing more receives before the dead-letter queue, or null. */
    Candidate moreReceives(Candidate candidate) {
        QueueSpec queue = candidate.scenario().queue();
        if (queue == null || queue.maxReceiveCount() >= MORE_RECEIVES) {
            return null;
        }
        ConsumerSpec consumer = candidate.scenario().consumer();
        String family = candidate.family().endsWith(PROVISIONED)
                ? candidate.family().substring(0, candidate.family().length() - PROVISIONED.length())
                : candidate.family();
        return queued(family, new QueueSpec(queue.visibilityTimeoutSeconds(), MORE_RECEIVES,
                queue.batchSize(), queue.batchWindowSeconds()), consumer.reservedConcurrency(),
                consumer.maximumConcurrency(), consumer.provisionedConcurrency());
    }

    private Candidate queued(String family, QueueSpec queue, Integer reserved, Integer maximum, int provisioned) {
        ConsumerSpec consumer = new ConsumerSpec(reserved, maximum, timeoutSeconds, ConsumerSpec.DEFAULT_MEMORY_MB,
                provisioned);
        String label = "sns-sqs-lambda, batch " + queue.batchSize()
                + (queue.batchWindowSeconds() > 0 ? " (window " + queue.batchWindowSeconds() + " s)" : "")
                + ", maximum concurrency " + (maximum == null ? "none" : maximum)
                + ", reserved concurrency " + (reserved == null ? "none" : reserved)
                + provisionedLabel(provisioned)
                + ", visibility " + queue.visibilityTimeoutSeconds() + " s"
                + ", maxReceiveCount " + queue.maxReceiveCount();
        return new Candidate(scenario(Pipeline.SNS_SQS_LAMBDA, queue, consumer), family(family, provisioned), label);
    }

    private Candidate async(int reserved, int provisioned) {
        ConsumerSpec consumer = new ConsumerSpec(reserved, null, timeoutSeconds, ConsumerSpec.DEFAULT_MEMORY_MB,
                provisioned);
        return new Candidate(scenario(Pipeline.SNS_LAMBDA, null, consumer), family(ASYNC, provisioned),
                "sns-lambda, reserved concurrency " + reserved + provisionedLabel(provisioned));
    }

    private static String family(String family, int provisioned) {
        return provisioned > 0 ? family + PROVISIONED : family;
    }

    private static String provisionedLabel(int provisioned) {
        return provisioned > 0 ? ", provisioned concurrency " + provisioned : "";
    }

    private Scenario scenario(Pipeline pipeline, QueueSpec queue, ConsumerSpec consumer) {
        EventsSpec events = request.eventsSpec();
        DownstreamSpec downstream = new DownstreamSpec(request.limitPerSecond(), request.callMillis(), false);
        return new Scenario("recommended-" + request.limitPerSecond() + "-per-second", "", events, pipeline,
                queue, consumer, downstream, null, pipeline == Pipeline.API_KINESIS_LAMBDA ? StreamSpec.defaults() : null);
    }
}
