package io.streamlimit.sim.internal;

/**
 * One Lambda execution environment; a new on-demand one is a cold start with a new cache id. A
 * provisioned one was initialized before the run (provisioned concurrency) and never starts cold.
 */
final class Environment {

    final String cacheId;
    final boolean provisioned;
    /** Reset by a timeout: its next invocation runs the init first ({@code FunctionScaling.EnvironmentAfter}). */
    boolean reset;

    Environment(String cacheId, boolean provisioned) {
        this.cacheId = cacheId;
        this.provisioned = provisioned;
    }
}
