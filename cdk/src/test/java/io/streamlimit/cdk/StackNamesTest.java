package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackNamesTest {

    @Test
    void scenario_names_become_valid_cloudformation_stack_names() {
        assertThat(StackNames.forScenario("sqs-rc1-high-visibility")).isEqualTo("streamlimit-sqs-rc1-high-visibility");
        assertThat(StackNames.forScenario("My_Scenario.v2")).isEqualTo("streamlimit-my-scenario-v2");
        assertThat(StackNames.forScenario("a".repeat(200))).hasSize(128).matches("[A-Za-z][A-Za-z0-9-]*");
    }
}
