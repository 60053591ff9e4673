package io.streamlimit.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.metrics.CostModel;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recommender weighs the FIFO pipeline against standard queues and says what order costs. */
class RecommenderFifoTest {

    @Test
    void fifo_candidates_are_simulated_and_ranked_and_order_has_a_price_line() {
        Recommendation recommendation = new Recommender().recommend(RecommendRequest.burst(50, 1000));

        List<RankedCandidate> fifo = recommendation.ranked().stream()
                .filter(c -> c.scenario().pipeline() == Pipeline.SNS_FIFO_SQS_FIFO_LAMBDA).toList();
        assertThat(fifo).isNotEmpty().allSatisfy(c -> {
            assertThat(c.family()).isEqualTo(CandidateSpace.FIFO);
            assertThat(c.scenario().queue().isFifo()).isTrue();
            assertThat(c.scenario().queue().batchWindowSeconds()).isZero();
            assertThat(c.stats().orderViolations()).isZero();
        });
        assertThat(fifo).extracting(c -> c.scenario().queue().batchSize()).contains(10);
        RankedCandidate bestFifo = fifo.get(0);
        RankedCandidate bestStandard = recommendation.ranked().stream()
                .filter(c -> c.scenario().pipeline() == Pipeline.SNS_SQS_LAMBDA).findFirst().orElseThrow();

        assertThat(recommendation.orderCost()).isEqualTo(String.format(java.util.Locale.ROOT,
                "Order per viewer (FIFO): the best FIFO candidate takes %.3f s, p99 %.3f s, 0 lost, $%.6f; the best standard"
                        + " queue takes %.3f s, p99 %.3f s, 0 lost, $%.6f: order costs %+.3f s in time, %+.3f s at p99"
                        + " and %+.6f USD.",
                bestFifo.timeTakenSeconds(), bestFifo.latency().p99Millis() / 1000.0, bestFifo.costUsd(),
                bestStandard.timeTakenSeconds(), bestStandard.latency().p99Millis() / 1000.0, bestStandard.costUsd(),
                bestFifo.timeTakenSeconds() - bestStandard.timeTakenSeconds(),
                (bestFifo.latency().p99Millis() - bestStandard.latency().p99Millis()) / 1000.0,
                bestFifo.costUsd() - bestStandard.costUsd()));
        // The FIFO candidate is priced at FIFO prices: its run carries the FIFO marker the cost model reads.
        RunData fifoRun = Simulator.run(bestFifo.scenario(), SimulationOptions.seed(1)).runData();
        assertThat(fifoRun.run().requestCounts()).containsEntry(CostModel.FIFO_PIPELINE, 1L);
        assertThat(bestFifo.costUsd()).isEqualTo(new CostModel().deployedCostUsd(fifoRun));
        assertThat(bestStandard.rank()).as("ties go to the standard queue").isLessThan(bestFifo.rank());
    }
}
