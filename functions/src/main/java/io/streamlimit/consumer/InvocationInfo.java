package io.streamlimit.consumer;

import java.time.Instant;

/**
 * Who is calling the downstream: one handler invocation ({@code batchId}) on one Lambda
 * environment ({@code cacheId}, new on every cold start), started at {@code startedAt}.
 */
public record InvocationInfo(String batchId, String cacheId, Instant startedAt) {
}
