package io.streamlimit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An engine only moves time and messages: timing, retry, scaling and visibility arithmetic
 * belongs in {@code io.streamlimit.aws.rules}, where each behaviour is written once and tested
 * alone. This test reads the simulator's ({@code lab/.../sim/internal}) and the emulator's
 * ({@code local/.../local/lambda}) sources and fails on a line that computes with times or
 * counts in the ways the rules do, unless the allow-list below says why that line may.
 */
class EnginesDecideNoAwsTest {

    private static final List<String> ENGINE_DIRECTORIES = List.of(
            "lab/src/main/java/io/streamlimit/sim/internal",
            "local/src/main/java/io/streamlimit/local/lambda");

    /** What the rules compute: time arithmetic, clamping, rounding, shifts, second/millisecond conversions. */
    private static final Pattern ARITHMETIC = Pattern.compile(String.join("|",
            "Math\\.(min|max|floor|ceil|round|floorDiv|pow|log|exp)\\(",
            "<<|>>>|\\s>>\\s",
            "(toEpochMilli|toMillis|millis)\\(\\)\\s*[-+*/%]",
            "[*/%]\\s*1_?000\\b",
            "\\b\\w*(Millis|millis\\(\\)|At|Timeout|Deadline|Delay|Backoff|Window|Visibility|Interval|Tick|Age)\\b\\s*[-+*/%]\\s*[\\w(]",
            "[-+*/%]\\s*\\w*(Millis|millis\\(\\)|At|Timeout|Deadline|Delay|Backoff|Window|Visibility|Interval|Tick|Age)\\b",
            "\\.(plus|minus|multipliedBy|dividedBy)(Millis|Seconds)?\\(",
            "nextDouble\\(|nextInt\\(|nextLong\\("));

    /**
     * Lines allowed to compute, each with why it is no AWS decision. A key is the file name and a
     * piece of the line; keep the list short and each reason true.
     */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("Poller.java|(generation << KIND_BITS) | kind",
                    "packs a timer's kind and generation into its tag: bookkeeping, no time"),
            Map.entry("Poller.java|(tag >>> KIND_BITS) != generation",
                    "unpacks the same tag"),
            Map.entry("Poller.java|(tag & ((1 << KIND_BITS) - 1))",
                    "unpacks the same tag"),
            Map.entry("Scheduler.java|",
                    "the agenda itself: a heap ordered by (time, priority, sequence); it moves time, decides none"),
            Map.entry("EventStates.java|lastResolvedAt = Math.max(lastResolvedAt, at)",
                    "remembers when the last event left the pipeline, for the run's end"),
            Map.entry("Poller.java|scheduler.now() + longPollMillis",
                    "SQS's long poll: the receive returns empty after WaitTimeSeconds, an SQS API fact"),
            Map.entry("Poller.java|scheduler.now() + Latencies.SQS_CALL_MILLIS",
                    "the network latency of an SQS call, an assumption of the simulator's (Latencies)"),
            Map.entry("Poller.java|(succeeded + 9) / 10",
                    "counts DeleteMessageBatch requests (10 entries each) for the request tally"),
            Map.entry("Producer.java|Latencies.PUBLISH_MIN_MILLIS",
                    "the producer's network latency to SNS, an assumption of the simulator's (Latencies)"),
            Map.entry("Producer.java|random.nextInt(Latencies.PUBLISH_MAX_MILLIS",
                    "the same latency, drawn uniformly"),
            Map.entry("Producer.java|scheduler.at(now + latency",
                    "the same latency"),
            Map.entry("SqsQueue.java|now + visibilityMillis",
                    "SQS's own visibility timeout in the simulated queue (ElasticMQ's in the emulator)"),
            Map.entry("DelayLine.java|now + delayMillis",
                    "a fixed network latency line (Latencies)"),
            Map.entry("SnsTopic.java|Latencies.SNS_DELIVERY_MILLIS",
                    "SNS's delivery latency, an assumption of the simulator's (Latencies)"),
            Map.entry("SimulationRun.java|(scheduler.now() / PROGRESS_EVERY_MILLIS + 1) * PROGRESS_EVERY_MILLIS",
                    "when to report progress to the listener: no AWS"),
            Map.entry("SimulationRun.java|Math.max(lastCompletion, events.lastResolvedAt())",
                    "the run's end for its record: no AWS"),
            Map.entry("TimedRing.java|",
                    "a ring buffer's index arithmetic"),
            Map.entry("Recorder.java|",
                    "records what happened: counts and maxima for the results, decides nothing"),
            Map.entry("SqsEventSourceMapping.java|gather.at() - clock.millis() < 1_000",
                    "ReceiveMessage waits in whole seconds (WaitTimeSeconds), an SQS API fact"),
            Map.entry("SqsEventSourceMapping.java|Math.min(max, config.behaviour().maxMessagesPerReceive())",
                    "ReceiveMessage returns at most 10 messages, an SQS API limit from AwsBehaviour"),
            Map.entry("SqsEventSourceMapping.java|(int) Math.min(20, wait.toSeconds())",
                    "WaitTimeSeconds is at most 20, an SQS API limit"),
            Map.entry("SqsEventSourceMapping.java|pauseUntil(clock.millis() + duration.toMillis())",
                    "waits one scaling tick, the interval MappingScaler gives"),
            Map.entry("SqsEventSourceMapping.java|config.longPollWait().toMillis() + 2_000",
                    "how long close() waits for a poller thread to end: shutdown, no AWS"),
            Map.entry("LambdaFunction.java|Math.min(invokedAtMillis, clock.millis())",
                    "an invoke due in the future counts from now: the emulator cannot start earlier than it runs"),
            Map.entry("LambdaFunction.java|invokedAt + scaling.startDelayMillis(",
                    "waits until the start the rule decided"),
            Map.entry("LambdaFunction.java|Instant deadline = started.plus(config.timeout())",
                    "the handler context's deadline: the configured timeout, told to the handler"),
            Map.entry("FunctionConfig.java|d.toMillis() / 1000.0",
                    "formats a duration for a message"),
            Map.entry("SqsMappingConfig.java|Math.min(scaling().ceiling(), localPollerCap)",
                    "the rule's ceiling, capped by the local JVM's thread cap (no AWS)"),
            Map.entry("LambdaFunction.java|clock.millis() - started.toEpochMilli()",
                    "measures the duration it reports to the observer"),
            Map.entry("AsyncInvoker.java|dueAtMillis - clock.millis()",
                    "DelayQueue's remaining delay until the time the rule decided"),
            Map.entry("WallClockWaiter.java|",
                    "the emulator's one waiter: sleeps until the time a rule decided, and measures how late"));

    @Test
    void no_engine_computes_an_aws_decision_outside_the_rules() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String directory : ENGINE_DIRECTORIES) {
            Path dir = repositoryRoot().resolve(directory);
            assertThat(dir).as("an engine's sources").isDirectory();
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> violations.addAll(scan(f)));
            }
        }
        assertThat(violations).as("arithmetic that belongs in a rule (or in the allow-list, with why)").isEmpty();
    }

    @Test
    void the_check_catches_arithmetic_an_engine_might_write() {
        assertThat(flags("long deadline = firstReceivedAt + visibilityMillis;")).isTrue();
        assertThat(flags("scaler.tick(now, false);")).isFalse();
        assertThat(flags("long wait = Math.min(next, deadline);")).isTrue();
        assertThat(flags("long pathStartedAt = firstReceivedAt.toEpochMilli() - receiveStarted < 100 ? a : b;")).isTrue();
        assertThat(flags("attemptAt = ((InvokeRetry.InvokeAt) next).at();")).isFalse();
        assertThat(flags("return random.nextDouble() < errorRate;")).isTrue();
    }

    private static boolean flags(String line) {
        return ARITHMETIC.matcher(code(line)).find();
    }

    private static List<String> scan(Path file) {
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (inComment) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("/*")) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("*") || line.startsWith("//") || line.startsWith("import ")
                    || line.startsWith("throw new ")) { // a message's string concatenation
                continue;
            }
            if (flags(line) && !allowed(name, line)) {
                found.add(name + ":" + (i + 1) + ": " + line);
            }
        }
        return found;
    }

    private static boolean allowed(String file, String line) {
        return ALLOWED.keySet().stream().anyMatch(key -> {
            int bar = key.indexOf('|');
            return key.substring(0, bar).equals(file) && line.contains(key.substring(bar + 1));
        });
    }

    /** The line without its trailing comment and string literals. */
    private static String code(String line) {
        String withoutStrings = line.replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\"");
        int comment = withoutStrings.indexOf("//");
        return comment >= 0 ? withoutStrings.substring(0, comment) : withoutStrings;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("lab")) && Files.isDirectory(dir.resolve("local"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
