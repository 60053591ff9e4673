package io.streamlimit.local.chaos;

import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.local.AwsClients;
import io.streamlimit.local.kinesis.KinesisServer;
import io.streamlimit.local.sqs.ElasticMqServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A fault-injection run over the local stack: dynalite (the local DynamoDB, kept on disk so that
 * it can be restarted), ElasticMQ with a queue and its DLQ, the local topic, the Lambda emulator and the
 * real handlers, and kinesis-local (the local Kinesis). Each round runs six phases on a fresh ledger table:
 * <ol>
 *   <li>{@link HandlerPhase}: most operations, checked exactly against the sequential model;</li>
 *   <li>{@link StormPhase}: acquire storms from many threads, checked with concurrent bounds;</li>
 *   <li>{@link PipelinePhase}: a shorter end-to-end run through topic, queue and mapping;</li>
 *   <li>{@link AsyncPhase}: the same shape through topic and Lambda's asynchronous invocation;</li>
 *   <li>{@link FifoPipelinePhase}: the FIFO topic, queue and mapping, checking each uid's order too;</li>
 *   <li>{@link KinesisPipelinePhase}: a stream, its mapping and on-failure queue, checking each uid's order too.</li>
 * </ol>
 * and counts every operation, every injected fault, every dead letter and every violation.
 */
public final class ChaosRun {

    /** Tombstones outlive any run, so the model may treat them as permanent. */
    static final LedgerSettings SETTINGS = new LedgerSettings(LedgerSettings.DEFAULT_LIMIT, LedgerSettings.DEFAULT_LEASE,
            Duration.ofDays(30));

    private ChaosRun() {
    }

    public static ChaosReport run(ChaosOptions options, PrintWriter progress) throws InterruptedException {
        long started = System.nanoTime();
        ChaosReport report = new ChaosReport();
        FaultPlan plan = FaultPlan.standard();
        Path dataDir = options.dataDir() != null ? options.dataDir() : temporaryDirectory();
        CompletableFuture<ElasticMqServer> elasticMq = CompletableFuture.supplyAsync(() -> ElasticMqServer.start(0));
        CompletableFuture<KinesisServer> kinesisLocal = CompletableFuture.supplyAsync(() -> KinesisServer.start(0));
        progress.println("starting dynalite (data in " + dataDir + "), ElasticMQ and kinesis-local...");
        progress.flush();
        try (RestartableDynamoDb dynamo = new RestartableDynamoDb(dataDir);
             ElasticMqServer sqsServer = elasticMq.join();
             KinesisServer kinesisServer = kinesisLocal.join();
             SqsClient sqs = AwsClients.sqs(sqsServer.endpoint())) {
            int round = 0;
            do {
                String prefix = "c" + options.seed() + "r" + round;
                String table = "chaos-" + prefix + "-" + Long.toHexString(System.nanoTime());
                LedgerTableSchema.createIfMissing(dynamo.client(), table);
                ApplyCounter store = new ApplyCounter(new DynamoDbLedgerStore(dynamo.client(), table));
                PhaseRound pipelineRound = new PhaseRound(options, store, SETTINGS, report, prefix);
                progress.printf("round %d: handler phase (%,d operations, %d workers)...%n", round + 1,
                        options.handlerOps(), options.handlerWorkers());
                progress.flush();
                long phase = System.nanoTime();
                new HandlerPhase(options, store, SETTINGS, dynamo, report, prefix, plan.handler()).run();
                progress.printf("  %.1f s%n", (System.nanoTime() - phase) / 1e9);
                phase = System.nanoTime();
                progress.printf("round %d: acquire storm (%,d operations, %d threads)...%n", round + 1,
                        options.stormOps(), options.stormThreads());
                progress.flush();
                new StormPhase(options, store, SETTINGS, report, prefix, plan.storm()).run();
                progress.printf("  %.1f s%n", (System.nanoTime() - phase) / 1e9);
                phase = System.nanoTime();
                progress.printf("round %d: end-to-end pipeline (%d uids, %d poison messages)...%n", round + 1,
                        options.pipelineUids(), options.pipelinePoison());
                progress.flush();
                new PipelinePhase(pipelineRound, dynamo, sqs, plan.pipeline()).run();
                progress.printf("  %.1f s%n", (System.nanoTime() - phase) / 1e9);
                phase = System.nanoTime();
                progress.printf("round %d: SNS -> Lambda async pipeline (%d uids)...%n", round + 1, options.pipelineUids());
                progress.flush();
                new AsyncPhase(options, store, SETTINGS, report, prefix, plan.async()).run();
                progress.printf("  %.1f s%n", (System.nanoTime() - phase) / 1e9);
                phase = System.nanoTime();
                progress.printf("round %d: SNS FIFO -> SQS FIFO -> Lambda pipeline (%d uids, order checked)...%n", round + 1,
                        options.pipelineUids());
                progress.flush();
                new FifoPipelinePhase(pipelineRound, sqs, plan.pipeline()).run();
                progress.printf("  %.1f s%n", (System.nanoTime() - phase) / 1e9);
                phase = System.nanoTime();
                progress.printf("round %d: API -> Kinesis -> Lambda pipeline (%d uids and a poisoned one, order checked)...%n",
                        round + 1, options.pipelineUids());
                progress.flush();
                new KinesisPipelinePhase(pipelineRound, kinesisServer.client(), sqs, plan.kinesis()).run();
                progress.printf("  %.1f s%n", (System.nanoTime() - phase) / 1e9);
                report.appliedTwice(store.appliedTwice());
                report.round();
                round++;
                progress.printf("round %d done: %,d operations so far, %d violations%n", round, report.operations(),
                        report.violations().size() + report.lost().size() + report.appliedTwice().size());
                progress.flush();
            } while (Duration.ofNanos(System.nanoTime() - started).compareTo(options.duration()) < 0);
        } finally {
            if (!elasticMq.isDone()) {
                elasticMq.thenAccept(ElasticMqServer::close);
            }
            if (!kinesisLocal.isDone()) {
                kinesisLocal.thenAccept(KinesisServer::close);
            }
            if (options.dataDir() == null) {
                deleteQuietly(dataDir);
            }
        }
        report.elapsed(Duration.ofNanos(System.nanoTime() - started));
        return report;
    }

    /** In memory when the OS offers a tmpfs: the local DynamoDB's LevelDB files are faster there. */
    private static Path temporaryDirectory() {
        try {
            Path shm = Path.of("/dev/shm");
            if (Files.isDirectory(shm) && Files.isWritable(shm)) {
                return Files.createTempDirectory(shm, "streamlimit-chaos-");
            }
            return Files.createTempDirectory("streamlimit-chaos-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the local DynamoDB", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing the run for.
        }
    }
}
