package io.streamlimit.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda {@link Context} a handler sees outside AWS: in the local emulator (a request id per
 * invoke, a log stream per environment, the function's deadline) and in tests that call a handler
 * directly ({@link #forRequest}). Its logger writes through SLF4J, prefixed with the function's name.
 *
 * @param awsRequestId the invocation's id, which the consumer records as its batch id
 * @param functionName the function's name; also names its log group and ARN
 * @param logStream the environment's id: one log stream per environment, as on AWS
 * @param memoryMb the configured memory
 * @param deadline when the invocation times out, on {@code clock}
 * @param clock the clock the deadline is on
 */
public record FunctionContext(String awsRequestId, String functionName, String logStream, int memoryMb,
                              Instant deadline, Clock clock) implements Context {

    private static final Logger LOG = LoggerFactory.getLogger("lambda");
    /** What a test's handler gets when it asks how long it has left, as on a 30-second function. */
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(30);

    public FunctionContext {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(clock, "clock");
    }

    /** A context for calling a handler directly in a test: the request id, a 512 MB function "test" with 30 s left. */
    public static FunctionContext forRequest(String requestId) {
        Clock clock = Clock.systemUTC();
        return new FunctionContext(requestId, "test", "test", 512, clock.instant().plus(TEST_TIMEOUT), clock);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return logStream;
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
        return (int) Math.max(0, deadline.toEpochMilli() - clock.millis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                LOG.info("[{}] {}", functionName, message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
