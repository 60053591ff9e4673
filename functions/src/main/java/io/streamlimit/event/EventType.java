package io.streamlimit.event;

import java.util.Locale;

/** What a player reports about one of its streams. */
public enum EventType {
    OPEN, CLOSE;

    /** The name on the wire: {@code open} or {@code close}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; returns null for anything else so the caller can name the field. */
    public static EventType fromWireName(String value) {
        for (EventType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        return null;
    }
}
