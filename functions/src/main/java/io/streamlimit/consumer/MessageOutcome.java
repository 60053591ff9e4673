package io.streamlimit.consumer;

import io.streamlimit.event.StreamEvent;
import java.util.Objects;

/**
 * What became of one message of an invocation. A message moves from {@link Parsed} (or
 * {@link Rejected}, or {@link DeadLettered}) to {@link Applied} (or {@link Failed}); an applied
 * message that the downstream accepted succeeds, and so does one already dead-lettered; everything
 * else is reported for redelivery.
 */
sealed interface MessageOutcome {

    /** Read as an event, not yet applied to the ledger. */
    record Parsed(StreamEvent event) implements MessageOutcome {
        public Parsed {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Not an event: malformed or invalid input. */
    record Rejected(String reason) implements MessageOutcome {
    }

    /** Not an event, and already in the dead-letter queue with its reason: handled, never redelivered. */
    record DeadLettered(String reason) implements MessageOutcome {
    }

    /** Applied to the ledger; succeeds unless the downstream then refuses it. */
    record Applied(StreamEvent event) implements MessageOutcome {
        public Applied {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Parsed, then not applied (a ledger error) or refused by the downstream. */
    record Failed(StreamEvent event, String cause) implements MessageOutcome {
    }

    default boolean succeeded() {
        return this instanceof Applied || this instanceof DeadLettered;
    }
}
