package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;

/**
 * What a new (or reset) execution environment pays before its first handler call: the function's
 * init ({@code coldStart}), or with SnapStart the restore of the snapshot Lambda took when the
 * version was published ({@code snapStartRestore}): SnapStart resumes new environments from that
 * snapshot instead of initializing them
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html). A reset environment (its
 * invocation timed out) is taken to restore again too; AWS documents the re-initialization, not
 * whether it resumes from the snapshot, so that is an assumption.
 */
public final class EnvironmentInit {

    private EnvironmentInit() {
    }

    /**
     * The init's duration in milliseconds.
     *
     * @throws IllegalArgumentException for SnapStart under a behaviour that has none (the 2020 profile)
     */
    public static long millis(AwsBehaviour aws, boolean snapStart) {
        if (snapStart && !aws.snapStartAvailable()) {
            throw new IllegalArgumentException("snapStart: this AWS behaviour has no SnapStart");
        }
        return (snapStart ? aws.snapStartRestore() : aws.coldStart()).toMillis();
    }
}
