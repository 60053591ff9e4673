package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.metrics.CostModel;
import org.junit.jupiter.api.Test;

/** The lab prices the architecture this app deploys: change one, and this fails until the other follows. */
class PricedArchitectureTest {

    @Test
    void the_cost_model_prices_the_deployed_architecture() {
        String deployed = JavaFunctions.ARCHITECTURE.getName();
        CostModel.Architecture priced = CostModel.DEPLOYED_ARCHITECTURE;

        assertThat(deployed).isEqualTo("arm64");
        assertThat(priced).isEqualTo(deployed.equals("arm64") ? CostModel.Architecture.ARM64
                : CostModel.Architecture.X86_64);
        assertThat(new CostModel().architecture()).isEqualTo(priced);
    }
}
