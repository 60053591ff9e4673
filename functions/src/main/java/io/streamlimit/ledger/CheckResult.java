package io.streamlimit.ledger;

/**
 * The answer to {@code check(uid)}.
 *
 * @param allowed whether one more stream would fit ({@code open < limit})
 */
public record CheckResult(String uid, int open, int limit, boolean allowed) {
}
