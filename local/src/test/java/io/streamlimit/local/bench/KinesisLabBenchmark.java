package io.streamlimit.local.bench;

import io.streamlimit.results.ResultsStore;
import io.streamlimit.scenario.ScenarioLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * Bench (7)'s Kinesis figure alone, to run by hand: 10^6 events of kinesis-50-per-second simulated
 * and saved to an embedded PostgreSQL, as {@code streamlimit bench} measures it.
 *
 * <pre>
 * ./mvnw -q -B -pl local -am test-compile -DskipTests
 * ./mvnw -q -B -pl local dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx1g -cp "local/target/classes:local/target/test-classes:lab/target/classes:$(cat /tmp/cp.txt)" \
 *     io.streamlimit.local.bench.KinesisLabBenchmark
 * </pre>
 */
public final class KinesisLabBenchmark {

    private KinesisLabBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            ResultsStore store = new ResultsStore(postgres.getPostgresDatabase());
            store.createSchema();
            BenchResults.LabSimulation figure = LabBench.simulateAndSave(
                    ScenarioLoader.load(Path.of("scenarios/kinesis-50-per-second.yaml")), store, System.out::println);
            System.out.println(figure);
        }
    }
}
