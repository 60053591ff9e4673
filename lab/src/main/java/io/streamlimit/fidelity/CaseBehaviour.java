package io.streamlimit.fidelity;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfiles;

/**
 * The one place where a calibration case's AWS profile becomes the behaviour it is simulated with.
 */
public final class CaseBehaviour {

    private CaseBehaviour() {
    }

    /** The behaviour to simulate {@code fidelityCase} with. */
    public static AwsBehaviour of(FidelityCase fidelityCase) {
        return AwsProfiles.resolve(fidelityCase.awsProfile());
    }
}
