package io.streamlimit.consumer;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.UUID;

/** Ids of one invocation, shared by the consumer handlers. */
final class Invocations {

    private Invocations() {
    }

    /** Lambda's request id; a fresh UUID when a caller passes no context. */
    static String batchId(Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }
}
