package io.streamlimit.tracker;

import java.util.OptionalLong;

/**
 * Where tokens and per-(token, path) counts live. Implementations must count exactly under any
 * number of concurrent callers, in this JVM or others.
 */
public interface TrackerStore {

    /**
     * Records a newly issued token.
     *
     * @return false if the token already existed (the caller picks another)
     */
    boolean createToken(String token, long issuedAtMillis);

    /**
     * Adds one to the count of (token, path) and returns the new count, or empty if the token
     * was never issued (in which case nothing is written).
     */
    OptionalLong increment(String token, String path);
}
