package io.streamlimit.local.stack;

import java.nio.file.Path;

/**
 * Where the embedded services listen and keep their data.
 *
 * @param dynamoDbPort 0: a free port
 * @param dynamoDbData null: the local DynamoDB (dynalite) in memory
 * @param sqsPort 0: a free port
 * @param resultsDir the embedded PostgreSQL's data directory (ignored with {@code resultsJdbc})
 * @param resultsPort 0: a free port
 * @param resultsJdbc null: embedded PostgreSQL; otherwise the user's own server
 */
public record LocalStackOptions(
        int dynamoDbPort,
        Path dynamoDbData,
        int sqsPort,
        Path resultsDir,
        int resultsPort,
        String resultsJdbc) {

    public static LocalStackOptions defaults() {
        return new LocalStackOptions(0, null, 0, Path.of(".streamlimit", "results"), 0, null);
    }
}
