package io.streamlimit.fidelity;

import io.streamlimit.scenario.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * One real run to reproduce: the scenario that configures it like the real pipeline, what was
 * measured on the real one, and the figures to compare with their acceptance bands.
 *
 * @param name short name, as in the table ({@code consumer-2}, {@code run-03})
 * @param realSource where the real figures come from, in words
 * @param real the real run's figures; every check's figure must be among them
 * @param awsProfile the AWS behaviour profile the real run happened under (its year); see
 *     {@link CaseBehaviour} for how it becomes an {@link io.streamlimit.aws.AwsBehaviour}
 */
public record FidelityCase(
        String name,
        Scenario scenario,
        String realSource,
        RunFigures real,
        String awsProfile,
        List<FigureCheck> checks) {

    public FidelityCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(realSource, "realSource");
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(awsProfile, "awsProfile");
        checks = List.copyOf(checks);
        for (FigureCheck check : checks) {
            if (!real.has(check.figure())) {
                throw new IllegalArgumentException("case " + name + " checks " + check.figure().jsonKey()
                        + " but the real run (" + realSource + ") has no such figure");
            }
        }
    }
}
