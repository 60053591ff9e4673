package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfiles;
import io.streamlimit.scenario.ProvisionedPollers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * scenarios/sqs-provisioned-pollers.yaml deploys its mapping in provisioned mode with exactly its
 * pollers and no ScalingConfig; its on-demand twin has no ProvisionedPollerConfig. cdk-nag and
 * cfn-lint check both files with every other (ScenarioStackNagTest, ScenarioStackCfnLintTest).
 */
class ProvisionedPollersStackTest {

    private static Template template(String file) {
        return Template.fromStack(SynthesizedScenarios.stackFor(
                ScenarioFiles.load(SynthesizedScenarios.SCENARIOS.resolve(file))));
    }

    @Test
    void the_event_source_mapping_carries_the_scenarios_pollers_and_no_maximum_concurrency() {
        Template template = template("sqs-provisioned-pollers.yaml");
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "ProvisionedPollerConfig", Map.of("MinimumPollers", 10, "MaximumPollers", 80),
                "ScalingConfig", Match.absent(),
                "BatchSize", 10));
    }

    @Test
    void standard_mode_has_no_poller_config() {
        template("sqs-on-demand-spike.yaml").hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "ProvisionedPollerConfig", Match.absent()));
    }

    @ParameterizedTest(name = "pollers {0} to {1}, MaximumConcurrency {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "2|2||",
            "200|2000||",
            "2|10|50|consumer.maximumConcurrency",
    })
    void the_requirements_hold_the_pollers_to_aws_ranges(int minimum, int maximum, Integer maximumConcurrency,
                                                         String refusedKey) {
        ScenarioRequirements requirements = new ScenarioRequirements(AwsBehaviour.current());
        if (refusedKey == null) {
            requirements.pollers(new ProvisionedPollers(minimum, maximum), maximumConcurrency);
        } else {
            assertThatThrownBy(() -> requirements.pollers(new ProvisionedPollers(minimum, maximum), maximumConcurrency))
                    .isInstanceOf(UnsupportedScenarioException.class).hasMessageContaining(refusedKey);
        }
    }

    @Test
    void a_profile_without_provisioned_mode_cannot_deploy_pollers() {
        assertThatThrownBy(() -> new ScenarioRequirements(AwsProfiles.named("2020"))
                .pollers(new ProvisionedPollers(2, 2), null))
                .isInstanceOf(UnsupportedScenarioException.class).hasMessageContaining("queue.minimumPollers");
        assertThat(AwsProfiles.named("2020").provisionedPollersAvailable()).isFalse();
    }
}
