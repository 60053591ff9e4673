package io.streamlimit.local.bench;

import io.streamlimit.local.bench.BenchResults.TrackerFigures;
import io.streamlimit.local.tracker.TrackerServer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * (6) The request-count tracker over HTTP: counted {@code GET /<path>} requests per second from
 * the closed-loop client threads, through one instance, then through three instances sharing one
 * table on the same dynalite (requests spread round robin).
 */
final class TrackerHttpBench {

    private static final Pattern TOKEN = Pattern.compile("\\{\"token\":\"([0-9a-f-]{36})\"}");
    private static final int TOKENS = 16;
    private static final int PATHS = 50;

    private final DynamoDbClient dynamoDb;

    TrackerHttpBench(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    TrackerFigures run(BenchSettings settings) throws Exception {
        OpsFigures one = measure(settings, 1);
        OpsFigures three = settings.trackerInstances() >= 3 ? measure(settings, 3) : null;
        return new TrackerFigures(one, three);
    }

    private OpsFigures measure(BenchSettings settings, int instanceCount) throws Exception {
        String table = "streamlimit-bench-tracker-" + instanceCount;
        List<TrackerServer> instances = new ArrayList<>();
        try {
            for (int i = 0; i < instanceCount; i++) {
                instances.add(TrackerServer.start(dynamoDb, table, 0));
            }
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < TOKENS; i++) {
                tokens.add(token(instances.get(i % instanceCount).url()));
            }
            // Its code paths (the JDK server, UpdateItem) are cold until here: a longer warm-up.
            return ClosedLoop.run("tracker-" + instanceCount, settings.threads(), settings.warmUp().multipliedBy(2), settings.measure(),
                    (thread, i) -> {
                        URI base = instances.get((int) ((thread + i) % instanceCount)).url();
                        String token = tokens.get((int) ((thread * 31 + i) % TOKENS));
                        PlainHttp.Response response = PlainHttp.get(URI.create(base + "/bench/" + (i % PATHS)), token);
                        if (response.status() != 200) {
                            throw new IllegalStateException("tracker answered " + response.status() + ": " + response.body());
                        }
                    });
        } finally {
            instances.forEach(TrackerServer::close);
        }
    }

    private static String token(URI base) throws IOException {
        PlainHttp.Response response = PlainHttp.get(URI.create(base + "/auth"), null);
        Matcher m = TOKEN.matcher(response.body());
        if (response.status() != 200 || !m.matches()) {
            throw new IllegalStateException("GET /auth answered " + response.status() + ": " + response.body());
        }
        return m.group(1);
    }
}
