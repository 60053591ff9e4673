package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Template;

/**
 * A REST stage with access logs needs API Gateway's account-level CloudWatch role: the stack
 * creates it and sets it before the stage, so a fresh account deploys; both outlive the stack.
 */
class ScenarioStackApiGatewayAccountTest {

    static Stream<Path> scenarios() {
        return SynthesizedScenarios.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @SuppressWarnings("unchecked")
    void the_stack_sets_the_accounts_cloudwatch_role_before_the_access_logged_stage_and_retains_it(Path file) {
        Template template = SynthesizedScenarios.of(file).template();
        Map<String, Map<String, Object>> accounts = template.findResources("AWS::ApiGateway::Account");
        assertThat(accounts).hasSize(1);
        String accountId = accounts.keySet().iterator().next();
        Map<String, Object> account = accounts.get(accountId);
        String roleId = (String) ((List<?>) ((Map<?, ?>) ((Map<?, ?>) account.get("Properties"))
                .get("CloudWatchRoleArn")).get("Fn::GetAtt")).get(0);
        Map<String, Object> role = template.findResources("AWS::IAM::Role").get(roleId);

        assertThat(account).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(role).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(((Map<?, ?>) role.get("Properties")).get("ManagedPolicyArns")).isEqualTo(List.of(Map.of("Fn::Join",
                List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs")))));
        Map<String, Map<String, Object>> stages = template.findResources("AWS::ApiGateway::Stage");
        assertThat(stages.values()).singleElement().satisfies(stage -> {
            assertThat(((Map<?, ?>) stage.get("Properties")).get("AccessLogSetting")).isNotNull();
            assertThat((List<Object>) stage.get("DependsOn")).contains(accountId);
        });
    }
}
