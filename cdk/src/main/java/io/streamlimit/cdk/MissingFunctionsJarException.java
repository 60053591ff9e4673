package io.streamlimit.cdk;

import java.nio.file.Path;

/** The functions module's shaded jar, which every function deploys, has not been built. */
public final class MissingFunctionsJarException extends RuntimeException {

    public MissingFunctionsJarException(Path expectedIn) {
        super("no functions jar (streamlimit-functions-*-lambda.jar) in " + expectedIn
                + ": build it first with `./mvnw -pl functions package` (or `./mvnw install -DskipTests`)"
                + " from the repository root");
    }
}
