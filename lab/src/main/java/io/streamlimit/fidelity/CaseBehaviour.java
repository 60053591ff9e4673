package io.streamlimit.fidelity;

import io.streamlimit.aws.AwsBehaviour;

/**
 * The one place where a calibration case's AWS profile becomes the behaviour it is simulated with.
 */
public final class CaseBehaviour {

    private CaseBehaviour() {
    }

    /** The behaviour to simulate {@code fidelityCase} with. */
    public static AwsBehaviour of(FidelityCase fidelityCase) {
        // Every case ran in 2020 (awsProfile "2020"). Until named profiles exist the nearest
        // behaviour is today's with the event source mapping's pre-2024 scaling rate.
        // Switch to: return AwsProfiles.resolve(fidelityCase.awsProfile());
        return AwsBehaviour.CURRENT.withLegacyPollerScaling();
    }
}
