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
 * @param kinesisPort the local Kinesis (kinesis-local); 0: a free port
 * @param kinesisShards the shards of the stream {@value LocalStack#STREAM_NAME}; 0: no Kinesis at all
 */
public record LocalStackOptions(
        int dynamoDbPort,
        Path dynamoDbData,
        int sqsPort,
        Path resultsDir,
        int resultsPort,
        String resultsJdbc,
        int kinesisPort,
        int kinesisShards) {

    public LocalStackOptions {
        if (kinesisShards < 0) {
            throw new IllegalArgumentException("kinesisShards: must be 0 or more, got " + kinesisShards);
        }
    }

    /** Without Kinesis. */
    public LocalStackOptions(int dynamoDbPort, Path dynamoDbData, int sqsPort, Path resultsDir, int resultsPort,
                             String resultsJdbc) {
        this(dynamoDbPort, dynamoDbData, sqsPort, resultsDir, resultsPort, resultsJdbc, 0, 0);
    }

    public static LocalStackOptions defaults() {
        return new LocalStackOptions(0, null, 0, Path.of(".streamlimit", "results"), 0, null);
    }

    /** The same, with the local Kinesis on {@code port} (0: a free one) and the stream with {@code shards}. */
    public LocalStackOptions withKinesis(int port, int shards) {
        return new LocalStackOptions(dynamoDbPort, dynamoDbData, sqsPort, resultsDir, resultsPort, resultsJdbc, port, shards);
    }
}
