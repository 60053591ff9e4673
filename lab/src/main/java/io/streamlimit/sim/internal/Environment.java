package io.streamlimit.sim.internal;

/** One Lambda execution environment; a new one is a cold start with a new cache id. */
final class Environment {

    final String cacheId;

    Environment(String cacheId) {
        this.cacheId = cacheId;
    }
}
