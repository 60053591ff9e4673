package io.streamlimit.cdk;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Builds the stack's functions the same way: one shaded jar, one Java runtime, X-Ray active
 * tracing and a log group that goes away with the stack.
 */
final class JavaFunctions {

    /**
     * Java 21: the jar is compiled for Java 17 and runs unchanged; java17 sits on Amazon Linux 2,
     * whose support ends in 2026, while java21 (Amazon Linux 2023) is supported for years.
     */
    static final Runtime RUNTIME = Runtime.JAVA_21;
    /** arm64: a fifth cheaper per GB-second than x86 (Lambda's published prices); the jar is pure Java. */
    static final Architecture ARCHITECTURE = Architecture.ARM_64;

    private final Construct scope;
    private final Code code;

    JavaFunctions(Construct scope, Path functionsJar) {
        this.scope = scope;
        // A jar is a zip: Lambda takes it as the deployment package as is.
        this.code = Code.fromAsset(functionsJar.toString());
    }

    /**
     * @param handler {@code class::method} in the functions jar
     * @param customise for what only one function has (reserved concurrency, async settings)
     */
    Function create(String id, String handler, String description, int memoryMb, int timeoutSeconds,
            Map<String, String> environment, UnaryOperator<Function.Builder> customise) {
        LogGroup logs = LogGroup.Builder.create(scope, id + "Logs")
                .retention(RetentionDays.ONE_WEEK)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function.Builder builder = Function.Builder.create(scope, id)
                .description(description)
                .runtime(RUNTIME)
                .architecture(ARCHITECTURE)
                .code(code)
                .handler(handler)
                .memorySize(memoryMb)
                .timeout(Duration.seconds(timeoutSeconds))
                .tracing(Tracing.ACTIVE)
                .logGroup(logs)
                // Sorted: Map.of's order changes from one JVM to the next, and with it the template.
                .environment(new TreeMap<>(environment));
        Function function = customise.apply(builder).build();
        StackNagSuppressions.forFunction(function);
        return function;
    }

    Function create(String id, String handler, String description, int memoryMb, int timeoutSeconds,
            Map<String, String> environment) {
        return create(id, handler, description, memoryMb, timeoutSeconds, environment, UnaryOperator.identity());
    }
}
