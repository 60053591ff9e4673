package io.streamlimit.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the cfn-lint on the PATH (the machine's Python has it) on one template. */
final class CfnLint {

    /** cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational; 1 a failure of its own. */
    record Result(int exitCode, String output) {

        boolean hasErrors() {
            return (exitCode & 3) != 0;
        }

        boolean hasWarnings() {
            return (exitCode & 4) != 0;
        }
    }

    private CfnLint() {
    }

    static Result lint(Path template) {
        ProcessBuilder builder = new ProcessBuilder(List.of("cfn-lint", "--format", "parseable", "--", template.toString()))
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("cfn-lint did not finish in 5 minutes on " + template);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            // Never a silent skip: a machine without cfn-lint cannot check the templates.
            throw new AssertionError("cfn-lint is not on the PATH (" + e.getMessage() + "); it comes with the"
                    + " machine's Python (cfn-lint 1.51): put it on the PATH to run the cdk tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while running cfn-lint", e));
        }
    }
}
