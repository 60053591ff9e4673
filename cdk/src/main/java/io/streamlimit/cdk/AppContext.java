package io.streamlimit.cdk;

import java.nio.file.Path;
import software.constructs.Node;

/**
 * Reads the app's context ({@code -c key=value} on the CDK command line) into stack props.
 *
 * <ul>
 *   <li>{@code scenario} (required): the scenario file, relative to {@code cdk/} or the repository root;</li>
 *   <li>{@code resultsSecretName}: the results database secret (default {@value ScenarioStackProps#DEFAULT_RESULTS_SECRET_NAME});</li>
 *   <li>{@code streamLimit}, {@code leaseSeconds}: the ledger's limit and lease;</li>
 *   <li>{@code functionsJar}: a jar other than {@code functions/target}'s;</li>
 *   <li>{@code alarmEmail}: an address the alarm topic mails (none by default).</li>
 * </ul>
 */
final class AppContext {

    static final String SCENARIO = "scenario";

    private AppContext() {
    }

    static ScenarioStackProps read(Node node, Path workingDirectory) {
        Path root = RepositoryRoot.from(workingDirectory);
        String scenarioValue = string(node, SCENARIO);
        if (scenarioValue == null) {
            throw new AppConfigurationException("context scenario is required, e.g. "
                    + "npx cdk synth -c scenario=../scenarios/recommended.yaml");
        }
        Path scenarioFile = ScenarioFiles.resolve(scenarioValue, workingDirectory, root);
        String jar = string(node, "functionsJar");
        String secret = string(node, "resultsSecretName");
        return new ScenarioStackProps(
                ScenarioFiles.load(scenarioFile),
                jar == null ? FunctionsJar.in(root) : FunctionsJar.at(workingDirectory.resolve(jar)),
                secret == null ? ScenarioStackProps.DEFAULT_RESULTS_SECRET_NAME : secret,
                (int) number(node, "streamLimit", ScenarioStackProps.DEFAULT_STREAM_LIMIT),
                number(node, "leaseSeconds", ScenarioStackProps.DEFAULT_LEASE_SECONDS),
                string(node, "alarmEmail"));
    }

    private static String string(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static long number(Node node, String key, long fallback) {
        String value = string(node, key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AppConfigurationException("context " + key + ": must be a whole number, got " + value);
        }
    }
}
