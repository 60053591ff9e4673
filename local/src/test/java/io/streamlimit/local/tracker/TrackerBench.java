package io.streamlimit.local.tracker;

import io.streamlimit.local.dynamodb.DynamoDbServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests per second through one tracker instance and through three sharing one dynalite
 * server, from 16 client threads over HTTP. A measurement to print, not a test:
 * {@code java -cp local/target/test-classes:local/target/classes:local/target/lib/* io.streamlimit.local.tracker.TrackerBench [requests]}.
 */
public final class TrackerBench {

    private static final int CLIENT_THREADS = 16;

    private TrackerBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        try (DynamoDbServer dynamoDb = DynamoDbServer.start(0, null)) {
            measure(dynamoDb, 1, requests / 4, "warm-up");
            measure(dynamoDb, 1, requests, "1 instance");
            measure(dynamoDb, 3, requests, "3 instances");
        }
    }

    private static void measure(DynamoDbServer dynamoDb, int instanceCount, int requests, String label) throws Exception {
        String table = "bench-" + UUID.randomUUID();
        List<TrackerServer> instances = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            for (int i = 0; i < instanceCount; i++) {
                instances.add(TrackerServer.start(dynamoDb.client(), table, 0));
            }
            TrackerClient client = new TrackerClient();
            List<String> tokens = List.of(client.auth(instances.get(0).url()), client.auth(instances.get(0).url()),
                    client.auth(instances.get(0).url()));
            long start = System.nanoTime();
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                URI url = instances.get(i % instanceCount).url();
                String token = tokens.get(i % tokens.size());
                String path = "/path/" + (i % 10);
                answers.add(clients.submit(() -> client.count(url, path, token)));
            }
            for (Future<Long> answer : answers) {
                answer.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-12s %6d requests in %6.2f s: %6.0f requests/s%n", label, requests, seconds, requests / seconds);
        } finally {
            clients.shutdownNow();
            instances.forEach(TrackerServer::close);
        }
    }
}
