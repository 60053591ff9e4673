package io.streamlimit.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One {@code open} or {@code close} event as players publish it.
 *
 * <p>{@code runId} and {@code seq} are optional: the lab sets them so that the downstream can
 * record which run an event belongs to and in which order the producer published it.
 * The idempotency key is ({@code streamId}, {@code type}).
 */
public record StreamEvent(EventType type, String uid, String streamId, Instant at, String runId, Long seq) {

    public StreamEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(streamId, "streamId");
    }

    public static StreamEvent open(String uid, String streamId) {
        return new StreamEvent(EventType.OPEN, uid, streamId, null, null, null);
    }

    public static StreamEvent close(String uid, String streamId) {
        return new StreamEvent(EventType.CLOSE, uid, streamId, null, null, null);
    }
}
