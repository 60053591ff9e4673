package io.streamlimit.tracker;

import java.util.OptionalLong;

/**
 * Where tokens and per-(token, path) counts live. Implementations must count exactly under any
 * number of concurrent callers, in this JVM or others.
 */
public interface TrackerStore {

    /**
     * Records a newly issued token, live for the store's item lifetime from now (the store's clock;
     * {@code issuedAtMillis} is only recorded).
     *
     * @return false if the token already existed (the caller picks another)
     */
    boolean createToken(String token, long issuedAtMillis);

    /**
     * Adds one to the count of (token, path) and returns the new count, or empty if the token
     * was never issued or has expired (in which case nothing is written). A count extends the
     * expiry of its token and its counter; a counter that expired starts again at 1.
     */
    OptionalLong increment(String token, String path);
}
