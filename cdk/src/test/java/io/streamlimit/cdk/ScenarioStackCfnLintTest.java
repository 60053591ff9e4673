package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** cfn-lint, the validator CloudFormation's own team maintains, finds no error in any scenario's template. */
class ScenarioStackCfnLintTest {

    @TempDir
    Path temp;

    static Stream<Path> scenarios() {
        return SynthesizedScenarios.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void cfn_lint_reports_no_error(Path file) {
        Path template = SynthesizedTemplate.synthesize(file, temp);

        CfnLint.Result result = CfnLint.lint(template);

        if (result.hasWarnings()) {
            System.out.println("cfn-lint warnings for " + file.getFileName() + ":\n" + result.output());
        }
        assertThat(result.hasErrors()).as("cfn-lint on %s exited %d:%n%s", file.getFileName(), result.exitCode(),
                result.output()).isFalse();
        assertThat(result.output().lines().filter(line -> line.matches(".*:E\\d{4}:.*")))
                .as("cfn-lint errors on %s", file.getFileName()).isEmpty();
    }
}
