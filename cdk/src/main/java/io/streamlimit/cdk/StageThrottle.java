package io.streamlimit.cdk;

/**
 * An API stage's throttle: API Gateway's token bucket, refilled at {@code ratePerSecond} and
 * holding {@code burst} requests; a request that finds it empty gets 429 Too Many Requests and
 * reaches no function. Both are stage-wide, shared by every caller.
 *
 * @param ratePerSecond steady-state requests per second, 1 to {@value #MAX_RATE}
 * @param burst requests the bucket holds, 1 to {@value #MAX_BURST}
 */
public record StageThrottle(int ratePerSecond, int burst) {

    /** The account's default per-region quota (API Gateway quotas page): a stage cannot go past it. */
    static final int MAX_RATE = 10_000;
    static final int MAX_BURST = 5_000;

    /** Validates with messages that name the context keys the values came from. */
    public static StageThrottle of(String rateKey, long ratePerSecond, String burstKey, long burst) {
        if (ratePerSecond < 1 || ratePerSecond > MAX_RATE) {
            throw new AppConfigurationException("context " + rateKey + ": must be 1 to " + MAX_RATE + " requests per second, got " + ratePerSecond);
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new AppConfigurationException("context " + burstKey + ": must be 1 to " + MAX_BURST + " requests, got " + burst);
        }
        return new StageThrottle((int) ratePerSecond, (int) burst);
    }
}
