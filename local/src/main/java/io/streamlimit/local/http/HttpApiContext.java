package io.streamlimit.local.http;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Lambda context a handler behind the local HTTP API sees: one request id per request. */
final class HttpApiContext implements Context {

    /** API Gateway gives up on an HTTP API integration after 30 s. */
    private static final int INTEGRATION_TIMEOUT_MILLIS = 30_000;
    private static final int DEFAULT_MEMORY_MB = 128;

    private final String functionName;
    private final String requestId;
    private final long deadline;

    HttpApiContext(String functionName, String requestId) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.deadline = System.currentTimeMillis() + INTEGRATION_TIMEOUT_MILLIS;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return DEFAULT_MEMORY_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        Logger log = LoggerFactory.getLogger("lambda." + functionName);
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.info("[{}] {}", requestId, message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
