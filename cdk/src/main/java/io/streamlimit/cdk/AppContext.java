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
 *   <li>{@code alarmEmail}: an address the alarm topic mails (none by default);</li>
 *   <li>{@code checkRateLimit}, {@code checkBurstLimit}, {@code trackerRateLimit}, {@code trackerBurstLimit}:
 *       the two HTTP APIs' stage throttles;</li>
 *   <li>{@code trackerItemDays}: how long the tracker keeps an unused token or count;</li>
 *   <li>{@code trackerWaf} ({@code true} or {@code false}, the default), {@code trackerWafLimit}: a WAF rule
 *       per source IP in front of the tracker.</li>
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
                string(node, "alarmEmail"),
                endpointLimits(node));
    }

    private static EndpointLimits endpointLimits(Node node) {
        EndpointLimits defaults = EndpointLimits.defaults();
        return new EndpointLimits(
                StageThrottle.of("checkRateLimit", number(node, "checkRateLimit", defaults.check().ratePerSecond()),
                        "checkBurstLimit", number(node, "checkBurstLimit", defaults.check().burst())),
                StageThrottle.of("trackerRateLimit", number(node, "trackerRateLimit", defaults.tracker().ratePerSecond()),
                        "trackerBurstLimit", number(node, "trackerBurstLimit", defaults.tracker().burst())),
                (int) bounded(node, "trackerItemDays", defaults.trackerItemDays()),
                flag(node, "trackerWaf"),
                (int) bounded(node, "trackerWafLimit", defaults.trackerWafLimit()));
    }

    /** A number that fits an int; the records' own checks name the allowed range. */
    private static long bounded(Node node, String key, long fallback) {
        long value = number(node, key, fallback);
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static boolean flag(Node node, String key) {
        String value = string(node, key);
        if (value == null || "false".equalsIgnoreCase(value)) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        throw new AppConfigurationException("context " + key + ": must be true or false, got " + value);
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
