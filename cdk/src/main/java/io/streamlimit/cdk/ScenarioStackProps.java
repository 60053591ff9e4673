package io.streamlimit.cdk;

import io.streamlimit.scenario.Scenario;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a {@link ScenarioStack} is built from.
 *
 * @param scenario the experiment: pipeline, queue, consumer
 * @param functionsJar the functions module's shaded jar, deployed by every function
 * @param resultsSecretName the Secrets Manager secret holding the results database connection;
 *     the stack grants read access to it and passes only its name
 * @param streamLimit streams one uid may have open at once
 * @param leaseSeconds how long an open stream holds its slot without a refresh
 * @param alarmEmail an address the alarm topic mails, or null for no subscription
 * @param endpoints the check and tracker APIs' throttles, the tracker's item lifetime and WAF
 */
public record ScenarioStackProps(
        Scenario scenario,
        Path functionsJar,
        String resultsSecretName,
        int streamLimit,
        long leaseSeconds,
        String alarmEmail,
        EndpointLimits endpoints) {

    public static final String DEFAULT_RESULTS_SECRET_NAME = "streamlimit/results";
    public static final int DEFAULT_STREAM_LIMIT = 3;
    public static final long DEFAULT_LEASE_SECONDS = 4 * 60 * 60;

    public ScenarioStackProps {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(functionsJar, "functionsJar");
        if (resultsSecretName == null || resultsSecretName.isBlank()) {
            throw new AppConfigurationException("context resultsSecretName: must not be blank");
        }
        if (streamLimit < 1) {
            throw new AppConfigurationException("context streamLimit: must be 1 or more, got " + streamLimit);
        }
        if (leaseSeconds < 1) {
            throw new AppConfigurationException("context leaseSeconds: must be 1 or more, got " + leaseSeconds);
        }
        Objects.requireNonNull(endpoints, "endpoints");
        if (alarmEmail != null && !alarmEmail.matches("[^@\\s]+@[^@\\s]+")) {
            throw new AppConfigurationException("context alarmEmail: must be an e-mail address, got " + alarmEmail);
        }
    }

    /** The same stack, its alarm topic mailing {@code email}. */
    public ScenarioStackProps withAlarmEmail(String email) {
        return new ScenarioStackProps(scenario, functionsJar, resultsSecretName, streamLimit, leaseSeconds, email, endpoints);
    }

    /** The same stack with other limits on its public entry points. */
    public ScenarioStackProps withEndpoints(EndpointLimits limits) {
        return new ScenarioStackProps(scenario, functionsJar, resultsSecretName, streamLimit, leaseSeconds, alarmEmail, limits);
    }

    /** The README's 3 streams per uid and 4-hour leases, the default endpoint limits; secret {@value #DEFAULT_RESULTS_SECRET_NAME}. */
    public static ScenarioStackProps of(Scenario scenario, Path functionsJar) {
        return new ScenarioStackProps(scenario, functionsJar, DEFAULT_RESULTS_SECRET_NAME, DEFAULT_STREAM_LIMIT,
                DEFAULT_LEASE_SECONDS, null, EndpointLimits.defaults());
    }
}
