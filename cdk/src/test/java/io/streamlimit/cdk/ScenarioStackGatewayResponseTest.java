package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The publish route's own gateway response stays valid JSON whatever the validator says. */
class ScenarioStackGatewayResponseTest {

    static Stream<Path> scenarios() {
        return SynthesizedScenarios.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void the_400_body_escapes_the_validation_message_into_a_json_string(Path file) {
        Map<String, Map<String, Object>> responses = SynthesizedScenarios.of(file).template()
                .findResources("AWS::ApiGateway::GatewayResponse");

        assertThat(responses.values()).singleElement().extracting(r -> r.get("Properties")).isEqualTo(Map.of(
                "ResponseType", "BAD_REQUEST_BODY",
                "StatusCode", "400",
                "RestApiId", Map.of("Ref", restApi(file)),
                "ResponseTemplates", Map.of("application/json",
                        "{\"error\":\"$util.escapeJavaScript($context.error.validationErrorString)"
                                + ".replaceAll(\"\\\\'\",\"'\")\"}")));
    }

    private static String restApi(Path file) {
        return SynthesizedScenarios.of(file).template().findResources("AWS::ApiGateway::RestApi").keySet().iterator().next();
    }
}
