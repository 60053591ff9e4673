package io.streamlimit.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.metrics.CostModel;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.ScenarioLoader;
import io.streamlimit.scenario.ScenarioWriter;
import io.streamlimit.scenario.StreamSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** recommend weighs API Gateway -> Kinesis -> Lambda beside the SQS and async configurations. */
class KinesisCandidatesTest {

    @Test
    void streams_are_shaped_so_shards_x_factor_x_batch_fills_the_limit_with_a_matching_reservation() {
        List<Candidate> candidates = new CandidateSpace(RecommendRequest.burst(50, 1000), AwsBehaviour.current())
                .candidates().stream().filter(c -> c.scenario().pipeline() == Pipeline.API_KINESIS_LAMBDA).toList();

        // 1 s calls at 50 a second: n concurrent batches of 50 / n records, n in 1, 2, 5, 10 and the SQS shapes' 5 and 50.
        assertThat(candidates).extracting(Candidate::label).contains(
                "api-kinesis-lambda, 1 shard, parallelization factor 1, batch 50 (window 1 s), reserved concurrency 1",
                "api-kinesis-lambda, 1 shard, parallelization factor 2, batch 25 (window 1 s), reserved concurrency 2",
                "api-kinesis-lambda, 2 shards, parallelization factor 1, batch 25 (window 1 s), reserved concurrency 2",
                "api-kinesis-lambda, 1 shard, parallelization factor 5, batch 10 (window 1 s), reserved concurrency 5",
                "api-kinesis-lambda, 5 shards, parallelization factor 1, batch 10 (window 1 s), reserved concurrency 5",
                "api-kinesis-lambda, 1 shard, parallelization factor 10, batch 5 (window 1 s), reserved concurrency 10",
                "api-kinesis-lambda, 5 shards, parallelization factor 10, batch 1, reserved concurrency 50");
        for (Candidate c : candidates) {
            StreamSpec s = c.scenario().stream();
            assertThat((long) s.shards() * s.parallelizationFactor() * s.batchSize()).as(c.label()).isLessThanOrEqualTo(50);
            assertThat(c.scenario().consumer().reservedConcurrency()).isEqualTo(s.shards() * s.parallelizationFactor());
            assertThat(c.family()).isEqualTo(CandidateSpace.KINESIS);
            assertThat(ConfigurationColumns.of(c.scenario()).via()).isEqualTo("kin");
            assertThat(ScenarioLoader.parse(ScenarioWriter.toYaml(c.scenario()), "written")).isEqualTo(c.scenario());
        }
    }

    @Test
    void a_stream_is_ranked_with_its_shard_hours_as_a_standing_charge_and_wins_a_limit_of_1() {
        Recommendation recommendation = new Recommender().recommend(RecommendRequest.burst(1, 1000));
        RankedCandidate stream = recommendation.winner();

        assertThat(stream.label())
                .isEqualTo("api-kinesis-lambda, 1 shard, parallelization factor 1, batch 1, reserved concurrency 1");
        assertThat(ConfigurationColumns.of(stream.scenario()).maximum()).isEqualTo("1x1");
        // As deployed: a day of one shard ($0.36) beside the run's requests and compute.
        assertThat(stream.costUsd()).isBetween(CostModel.kinesisShardsUsdPerDay(1), CostModel.kinesisShardsUsdPerDay(1) + 0.02);
        assertThat(stream.lost()).isZero();
    }
}
