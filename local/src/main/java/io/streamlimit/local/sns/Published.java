package io.streamlimit.local.sns;

/** What a publish answers for one message: its id and, from a FIFO topic, its sequence number (else null). */
public record Published(String messageId, String sequenceNumber) {
}
