package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag's AWS Solutions checks find nothing unsuppressed in any scenario's stack. */
class ScenarioStackNagTest {

    static Stream<Named<Path>> scenarios() {
        return ScenarioStackTemplateTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aws_solutions_checks_report_no_unsuppressed_error(Path file) {
        ScenarioStack stack = SynthesizedScenarios.of(file).stack();
        List<SynthesisMessage> errors = Annotations.fromStack(stack)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(errors).extracting(ScenarioStackNagTest::describe).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aws_solutions_checks_report_no_unsuppressed_warning(Path file) {
        ScenarioStack stack = SynthesizedScenarios.of(file).stack();
        List<SynthesisMessage> warnings = Annotations.fromStack(stack)
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(warnings).extracting(ScenarioStackNagTest::describe).isEmpty();
    }

    private static String describe(SynthesisMessage message) {
        return message.getId() + ": " + message.getEntry().getData();
    }
}
