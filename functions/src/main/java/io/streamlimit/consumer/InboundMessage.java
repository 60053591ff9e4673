package io.streamlimit.consumer;

/** One message of a consumer invocation as the pipeline delivered it: its id and its body. */
public record InboundMessage(String messageId, String body) {
}
