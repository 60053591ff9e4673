package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.scenario.Scenario;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/**
 * A synthesized scenario whose consumer is invoked through its one alias (provisioned
 * concurrency or SnapStart), with the logical ids the tests look for.
 *
 * @param consumer the consumer function's logical id
 * @param alias the alias's logical id
 */
record AliasedConsumerStack(ScenarioStack stack, Template template, String consumer, String alias) {

    static AliasedConsumerStack synthesize(Scenario scenario, String consumerHandler) {
        ScenarioStack stack = SynthesizedScenarios.stackFor(scenario);
        Template template = Template.fromStack(stack);
        String consumer = new FunctionPolicies(template).functionWithHandler(consumerHandler);
        Map<String, Map<String, Object>> aliases = template.findResources("AWS::Lambda::Alias");
        assertThat(aliases).as("the consumer's one alias").hasSize(1);
        return new AliasedConsumerStack(stack, template, consumer, aliases.keySet().iterator().next());
    }
}
