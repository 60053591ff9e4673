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
 * sns-lambda with provisioned concurrency (no scenario file has it): SNS invokes the alias, and
 * the async settings that send what Lambda gives up on to the DLQ are the alias's, because Lambda
 * keeps them per qualifier. The SQS case is recommended.yaml, asserted with every file.
 */
class ProvisionedConcurrencyStackTest {

    private static final Scenario SNS_PROVISIONED = new Scenario("sns-provisioned", "SNS -> consumer alias, 2 provisioned",
            EventsSpec.burst(1000), Pipeline.SNS_LAMBDA, null, new ConsumerSpec(3, null, 20, 512, 2),
            new DownstreamSpec(1, 1000, false));

    private static final AliasedConsumerStack SYNTHESIZED =
            AliasedConsumerStack.synthesize(SNS_PROVISIONED, ScenarioStack.SNS_CONSUMER_HANDLER);
    private static final Template template = SYNTHESIZED.template();
    private static final String consumer = SYNTHESIZED.consumer();
    private static final String alias = SYNTHESIZED.alias();

    @Test
    void the_alias_of_a_published_version_carries_the_provisioned_concurrency() {
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", ScenarioStack.CONSUMER_ALIAS,
                "FunctionName", Map.of("Ref", consumer),
                "ProvisionedConcurrencyConfig", Map.of("ProvisionedConcurrentExecutions", 2)));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", ScenarioStack.SNS_CONSUMER_HANDLER,
                "ReservedConcurrentExecutions", 3));
    }

    @Test
    void sns_invokes_the_alias_not_latest() {
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "lambda",
                "Endpoint", Map.of("Ref", alias)));
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "sns.amazonaws.com",
                "FunctionName", Map.of("Ref", alias)));
    }

    @Test
    void the_alias_sends_what_lambda_gives_up_on_to_the_dlq() {
        template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "FunctionName", Map.of("Ref", consumer),
                // The alias's name, as CDK takes it from the alias ARN (…:function:name:live).
                "Qualifier", Map.of("Fn::Select", List.of(7, Map.of("Fn::Split", List.of(":", Map.of("Ref", alias))))),
                "MaximumRetryAttempts", 2,
                "MaximumEventAgeInSeconds", 6 * 60 * 60,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Match.objectLike(Map.of())))));
    }

    @Test
    void aws_solutions_checks_report_nothing_unsuppressed() {
        assertThat(NagFindings.of(SYNTHESIZED.stack())).isEmpty();
    }
}
