package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlimit.metrics.CostBreakdown;
import io.streamlimit.metrics.CostModel;
import io.streamlimit.results.RunData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fifo-200-viewers against its standard twin in the simulator: the same requests, FIFO's prices. */
class FifoCostTest {

    private static RunData simulate(String file) {
        return Simulator.run(Scenarios.load(file), SimulationOptions.seed(1)).runData();
    }

    @Test
    void fifo_200_viewers_pays_fifo_prices_for_the_requests_its_standard_twin_pays_standard_prices_for() {
        RunData fifo = simulate("fifo-200-viewers.yaml");
        RunData standard = simulate("fifo-200-viewers-standard.yaml");
        CostModel model = new CostModel();

        assertThat(fifo.run().requestCounts()).containsAllEntriesOf(Map.of(CostModel.FIFO_PIPELINE, 1L,
                CostModel.SQS_REQUESTS, 1_200L, CostModel.SNS_PUBLISHES, 1_000L, CostModel.SNS_PAYLOAD_BYTES, 200_000L));
        assertThat(standard.run().requestCounts()).containsEntry(CostModel.SQS_REQUESTS, 1_204L)
                .containsEntry(CostModel.SNS_PUBLISHES, 1_000L)
                .doesNotContainKeys(CostModel.FIFO_PIPELINE, CostModel.SNS_PAYLOAD_BYTES);

        CostBreakdown f = model.breakdown(fifo);
        CostBreakdown s = model.breakdown(standard);
        assertThat(f.sqsUsd()).isCloseTo(0.0006, within(1e-12));                       // 1,200 x $0.50/M
        assertThat(s.sqsUsd()).isCloseTo(0.0004816, within(1e-12));                    // 1,204 x $0.40/M
        // 1,000 x ($0.30 + $0.01)/M and 200,000 bytes x ($0.017 + $0.001)/GB
        assertThat(f.snsUsd()).isCloseTo(0.00031 + 200_000 / 1073741824.0 * 0.018, within(1e-12));
        assertThat(s.snsUsd()).isCloseTo(0.0005, within(1e-12));                       // 1,000 x $0.50/M
        // Fewer invocations (100 against 102) and cheaper publishes make the FIFO run the cheaper one here.
        assertThat(model.costUsd(fifo)).isCloseTo(0.002225022761, within(1e-12));
        assertThat(model.costUsd(standard)).isCloseTo(0.0023070034, within(1e-12));
    }
}
