package io.streamlimit.cdk;

import io.streamlimit.tracker.TrackerSettings;
import java.util.Objects;

/**
 * What the public entry points may cost: the stage throttles of the check and tracker APIs, how
 * long the tracker keeps an unused token or count, and the optional WAF rule per source IP.
 *
 * @param check the check API's stage throttle (context {@code checkRateLimit}, {@code checkBurstLimit})
 * @param tracker the tracker API's stage throttle ({@code trackerRateLimit}, {@code trackerBurstLimit})
 * @param trackerItemDays days a token or count lives after its last use ({@code trackerItemDays})
 * @param trackerWaf whether a WAF web ACL with a rate-based rule guards the tracker ({@code trackerWaf})
 * @param trackerWafLimit requests one IP may make in {@value #WAF_WINDOW_SECONDS} s before the
 *     rule blocks it ({@code trackerWafLimit}); AWS WAF allows 10 or more
 */
public record EndpointLimits(StageThrottle check, StageThrottle tracker, int trackerItemDays, boolean trackerWaf,
        int trackerWafLimit) {

    static final StageThrottle DEFAULT_CHECK = new StageThrottle(100, 200);
    static final StageThrottle DEFAULT_TRACKER = new StageThrottle(20, 40);
    static final int DEFAULT_TRACKER_ITEM_DAYS = 30;
    /** One request a second per IP on average over the window. */
    static final int DEFAULT_WAF_LIMIT = 300;
    /** WAF's default evaluation window, 5 minutes. */
    static final int WAF_WINDOW_SECONDS = 300;
    static final int MIN_WAF_LIMIT = 10;
    static final int MAX_WAF_LIMIT = 2_000_000_000;

    public EndpointLimits {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(tracker, "tracker");
        if (trackerItemDays < 1 || trackerItemDays > TrackerSettings.MAX_ITEM_DAYS) {
            throw new AppConfigurationException("context trackerItemDays: must be 1 to " + TrackerSettings.MAX_ITEM_DAYS
                    + " days, got " + trackerItemDays);
        }
        if (trackerWafLimit < MIN_WAF_LIMIT || trackerWafLimit > MAX_WAF_LIMIT) {
            throw new AppConfigurationException("context trackerWafLimit: must be " + MIN_WAF_LIMIT + " to " + MAX_WAF_LIMIT
                    + " requests per " + WAF_WINDOW_SECONDS + " s, got " + trackerWafLimit);
        }
    }

    /** The defaults: no WAF. */
    public static EndpointLimits defaults() {
        return new EndpointLimits(DEFAULT_CHECK, DEFAULT_TRACKER, DEFAULT_TRACKER_ITEM_DAYS, false, DEFAULT_WAF_LIMIT);
    }

    public EndpointLimits withTrackerWaf(boolean on) {
        return new EndpointLimits(check, tracker, trackerItemDays, on, trackerWafLimit);
    }
}
