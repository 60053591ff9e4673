package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** cdk-nag's AWS Solutions checks find nothing unsuppressed in any scenario's stack. */
class ScenarioStackNagTest {

    static Stream<Named<Path>> scenarios() {
        return ScenarioStackTemplateTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aws_solutions_checks_report_nothing_unsuppressed(Path file) {
        assertThat(NagFindings.of(SynthesizedScenarios.of(file).stack())).isEmpty();
    }
}
