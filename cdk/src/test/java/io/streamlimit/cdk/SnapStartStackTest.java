package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * sns-lambda with SnapStart (no scenario file has it; the SQS case is sqs-snapstart.yaml, asserted
 * with every file): SnapStart on published versions, a version and the alias "live" without
 * provisioned concurrency, SNS invoking the alias, and the async settings on the alias.
 */
class SnapStartStackTest {

    private static final Scenario SNS_SNAPSTART = new Scenario("sns-snapstart", "SNS -> consumer alias, SnapStart",
            EventsSpec.burst(1000), Pipeline.SNS_LAMBDA, null, new ConsumerSpec(3, null, 20, 512).withSnapStart(true),
            new DownstreamSpec(1, 1000, false));

    private static final AliasedConsumerStack SYNTHESIZED =
            AliasedConsumerStack.synthesize(SNS_SNAPSTART, ScenarioStack.SNS_CONSUMER_HANDLER);
    private static final Template template = SYNTHESIZED.template();
    private static final String consumer = SYNTHESIZED.consumer();
    private static final String alias = SYNTHESIZED.alias();

    @Test
    void the_consumer_snapshots_its_published_versions_and_the_alias_has_no_provisioned_concurrency() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", ScenarioStack.SNS_CONSUMER_HANDLER,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        template.resourceCountIs("AWS::Lambda::Version", 1);
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", ScenarioStack.CONSUMER_ALIAS,
                "FunctionName", Map.of("Ref", consumer),
                "ProvisionedConcurrencyConfig", Match.absent()));
        // The check function and the others stay as they were.
        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Match.objectLike(Map.of("SnapStart", Match.anyValue()))))).hasSize(1);
    }

    @Test
    void sns_invokes_the_alias_and_the_alias_sends_what_lambda_gives_up_on_to_the_dlq() {
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "lambda",
                "Endpoint", Map.of("Ref", alias)));
        template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "FunctionName", Map.of("Ref", consumer),
                "Qualifier", Map.of("Fn::Select", List.of(7, Map.of("Fn::Split", List.of(":", Map.of("Ref", alias))))),
                "MaximumRetryAttempts", 2));
    }

    @Test
    void aws_solutions_checks_report_nothing_unsuppressed() {
        assertThat(NagFindings.of(SYNTHESIZED.stack())).isEmpty();
    }
}
