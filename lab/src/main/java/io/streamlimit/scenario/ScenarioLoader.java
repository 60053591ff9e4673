package io.streamlimit.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfileException;
import io.streamlimit.aws.AwsProfiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads scenario files. Strict: unknown keys, wrong types and values AWS would refuse are
 * {@link ScenarioException}s whose message starts with the file and the key path.
 *
 * <p>Defaults for omitted keys (the constants on the records):
 * {@code description} "", {@code events.pattern} burst, {@code events.users} 200,
 * {@code events.publishConcurrency} 50; {@code queue} (sns-sqs-lambda only)
 * {@code visibilityTimeoutSeconds} 30, {@code maxReceiveCount} 5, {@code batchSize} 1,
 * {@code batchWindowSeconds} 0, {@code minimumPollers} and {@code maximumPollers} none (standard
 * mode; give both for provisioned mode); with {@code sns-fifo-sqs-fifo-lambda} a FIFO queue, also
 * {@code deduplicationScope} queue and {@code fifoThroughputLimit} perQueue (SQS's defaults; those
 * two keys only with that pipeline); {@code stream} (api-kinesis-lambda only) {@code shards} 1,
 * {@code batchSize} 100, {@code batchWindowSeconds} 0, {@code parallelizationFactor} 1,
 * {@code bisectOnError} false, {@code maxRetryAttempts} and {@code maxRecordAgeSeconds} -1 (infinite);
 * {@code consumer} {@code reservedConcurrency} none,
 * {@code maximumConcurrency} none, {@code timeoutSeconds} 10, {@code memoryMb} 512,
 * {@code provisionedConcurrency} 0 (none), {@code errorRate} and {@code timeoutRate} 0 (the
 * consumer fails on its own never), {@code snapStart} false;
 * {@code downstream.enforce} false; {@code awsProfile} none ({@code current}).
 * {@code name}, {@code events.total}, {@code pipeline},
 * {@code downstream.ratePerSecond} and {@code downstream.callMillis} are required.
 *
 * <p>Values are checked against the AWS behaviour the scenario runs under: the one the caller
 * gives (the command line's {@code --aws-profile}), else the file's own {@code awsProfile} (a
 * profile name, or a profile file relative to the scenario file), else {@code current}.
 */
public final class ScenarioLoader {

    private static final List<String> TOP = List.of(
            "name", "description", "awsProfile", "events", "pipeline", "queue", "stream", "consumer", "downstream");
    private static final List<String> EVENTS = List.of(
            "total", "pattern", "users", "ratePerSecond", "spikeSize", "spikeEverySeconds", "publishConcurrency",
            "baseRatePerSecond", "spikeRatePerSecond", "spikeSeconds", "durationSeconds", "countsFile");
    private static final List<String> QUEUE = List.of(
            "visibilityTimeoutSeconds", "maxReceiveCount", "batchSize", "batchWindowSeconds",
            "deduplicationScope", "fifoThroughputLimit", "minimumPollers", "maximumPollers");
    private static final List<String> FIFO_ONLY = List.of("deduplicationScope", "fifoThroughputLimit");
    private static final List<String> STREAM = List.of(
            "shards", "batchSize", "batchWindowSeconds", "parallelizationFactor", "bisectOnError", "maxRetryAttempts",
            "maxRecordAgeSeconds");
    private static final List<String> CONSUMER = List.of(
            "reservedConcurrency", "maximumConcurrency", "timeoutSeconds", "memoryMb", "provisionedConcurrency",
            "errorRate", "timeoutRate", "snapStart");
    private static final List<String> DOWNSTREAM = List.of("ratePerSecond", "callMillis", "enforce");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ScenarioLoader() {
    }

    /** Reads one scenario file and validates it under its own {@code awsProfile}, or {@code current}. */
    public static Scenario load(Path file) {
        return load(file, null, directoryOf(file));
    }

    /** Reads one scenario file and validates it under {@code behaviour}, whatever its {@code awsProfile}. */
    public static Scenario load(Path file, AwsBehaviour behaviour) {
        return load(file, Objects.requireNonNull(behaviour, "behaviour"), directoryOf(file));
    }

    private static Scenario load(Path file, AwsBehaviour behaviour, Path directory) {
        String text;
        if (Files.isDirectory(file)) {
            throw ScenarioException.wholeFile(file.toString(), "is a directory, not a scenario file", null);
        }
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ScenarioException.wholeFile(file.toString(), "no such file", e);
        } catch (CharacterCodingException e) {
            throw ScenarioException.wholeFile(file.toString(), "not a text file (not UTF-8), so not a scenario file", e);
        } catch (IOException e) {
            throw ScenarioException.wholeFile(file.toString(), "cannot read it: " + e, e);
        }
        return parse(text, file.toString(), behaviour, directory);
    }

    /**
     * Parses scenario YAML and validates it under its own {@code awsProfile} (a file relative to
     * the working directory), or {@code current}.
     *
     * @param sourceName where the text came from, for messages (a file name)
     */
    public static Scenario parse(String yaml, String sourceName) {
        return parse(yaml, sourceName, null, Path.of(""));
    }

    /** Parses scenario YAML and validates it under {@code behaviour}, whatever its {@code awsProfile}. */
    public static Scenario parse(String yaml, String sourceName, AwsBehaviour behaviour) {
        return parse(yaml, sourceName, Objects.requireNonNull(behaviour, "behaviour"), Path.of(""));
    }

    /**
     * The behaviour a loaded scenario file names: its {@code awsProfile} resolved from the file's
     * directory, or {@code current} when it names none.
     *
     * @throws ScenarioException on {@code awsProfile} when the profile cannot be used
     */
    public static AwsBehaviour behaviourOf(Scenario scenario, Path file) {
        try {
            return profile(scenario.awsProfile(), directoryOf(file));
        } catch (ScenarioException e) {
            throw e.in(file.toString());
        }
    }

    private static Scenario parse(String yaml, String sourceName, AwsBehaviour behaviour, Path directory) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw ScenarioException.wholeFile(sourceName + YamlErrors.location(e), "not valid YAML: " + YamlErrors.problem(e), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw ScenarioException.wholeFile(sourceName, "is empty", null);
        }
        try {
            return read(Fields.root(root), behaviour, directory);
        } catch (ScenarioException e) {
            throw e.in(sourceName);
        }
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("");
    }

    private static AwsBehaviour profile(String nameOrFile, Path directory) {
        if (nameOrFile == null) {
            return AwsBehaviour.current();
        }
        try {
            return AwsProfiles.resolve(nameOrFile, directory);
        } catch (AwsProfileException e) {
            throw new ScenarioException("awsProfile", e.getMessage());
        }
    }

    /** @param behaviour the behaviour to validate under, or null for the file's own profile */
    private static Scenario read(Fields top, AwsBehaviour behaviour, Path directory) {
        top.allowOnly(TOP);
        String awsProfile = top.string("awsProfile");
        AwsBehaviour aws = behaviour != null ? behaviour : profile(awsProfile, directory);
        String pipelineName = top.string("pipeline");
        Pipeline pipeline = Pipeline.fromFileName("pipeline", Checks.required("pipeline", pipelineName));
        Fields queue = top.mapping("queue");
        Fields stream = top.mapping("stream");
        // Each part is checked under the behaviour as it is read, so the first wrong key is reported.
        return new Scenario(
                top.string("name"),
                top.string("description"),
                events(Checks.required("events", top.mapping("events")), directory),
                pipeline,
                pipeline.queued()
                        ? queue(queue, pipeline).validate(aws)
                        : rejectQueue(queue, pipeline),
                consumer(top.mapping("consumer")).validate(aws),
                downstream(Checks.required("downstream", top.mapping("downstream"))).validate(aws),
                awsProfile,
                pipeline == Pipeline.API_KINESIS_LAMBDA
                        ? stream(stream).validate(aws)
                        : rejectStream(stream, pipeline));
    }

    private static EventsSpec events(Fields f, Path directory) {
        f.allowOnly(EVENTS);
        ArrivalPattern pattern = pattern(f);
        Traffic traffic = TrafficReader.read(f, pattern, directory);
        Integer total = f.integer("total");
        return new EventsSpec(
                traffic != null && total == null ? (int) traffic.counts().total()
                        : Checks.required(f.keyPath("total"), total),
                pattern,
                f.integer("users", EventsSpec.DEFAULT_USERS),
                f.integer("ratePerSecond"),
                f.integer("spikeSize"),
                pattern == ArrivalPattern.DAY ? null : f.integer("spikeEverySeconds"),
                f.integer("publishConcurrency", EventsSpec.DEFAULT_PUBLISH_CONCURRENCY),
                traffic);
    }

    private static ArrivalPattern pattern(Fields f) {
        String name = f.string("pattern");
        if (name == null) {
            return EventsSpec.DEFAULT_PATTERN;
        }
        for (ArrivalPattern p : ArrivalPattern.values()) {
            if (p.fileName().equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new ScenarioException(f.keyPath("pattern"), "must be one of burst, rate, spikes, day, replay, got " + name);
    }

    private static QueueSpec queue(Fields f, Pipeline pipeline) {
        if (f == null) {
            return pipeline.fifo() ? QueueSpec.defaults().withFifo(FifoSpec.defaults()) : QueueSpec.defaults();
        }
        f.allowOnly(QUEUE);
        if (!pipeline.fifo()) {
            for (String key : FIFO_ONLY) {
                if (f.string(key) != null) {
                    throw new ScenarioException(f.keyPath(key), "only allowed with pipeline "
                            + Pipeline.SNS_FIFO_SQS_FIFO_LAMBDA.fileName() + " (a FIFO queue), got " + f.string(key));
                }
            }
        }
        return new QueueSpec(
                f.integer("visibilityTimeoutSeconds", QueueSpec.DEFAULT_VISIBILITY_TIMEOUT_SECONDS),
                f.integer("maxReceiveCount", QueueSpec.DEFAULT_MAX_RECEIVE_COUNT),
                f.integer("batchSize", QueueSpec.DEFAULT_BATCH_SIZE),
                f.integer("batchWindowSeconds", QueueSpec.DEFAULT_BATCH_WINDOW_SECONDS),
                pipeline.fifo() ? fifo(f) : null,
                pollers(f));
    }

    private static FifoSpec fifo(Fields f) {
        String scope = f.string("deduplicationScope");
        String limit = f.string("fifoThroughputLimit");
        return new FifoSpec(
                scope == null ? FifoSpec.DEFAULT_DEDUPLICATION_SCOPE
                        : DeduplicationScope.fromFileName(f.keyPath("deduplicationScope"), scope),
                limit == null ? FifoSpec.DEFAULT_THROUGHPUT_LIMIT
                        : FifoThroughputLimit.fromFileName(f.keyPath("fifoThroughputLimit"), limit));
    }

    /** Provisioned mode: both keys, or neither (standard mode). */
    private static ProvisionedPollers pollers(Fields f) {
        Integer minimum = f.integer("minimumPollers");
        Integer maximum = f.integer("maximumPollers");
        if (minimum == null && maximum == null) {
            return null;
        }
        Checks.required(ProvisionedPollers.MINIMUM_KEY, minimum);
        Checks.required(ProvisionedPollers.MAXIMUM_KEY, maximum);
        return new ProvisionedPollers(minimum, maximum);
    }

    private static QueueSpec rejectQueue(Fields queue, Pipeline pipeline) {
        if (queue != null) {
            throw new ScenarioException("queue", "not allowed for pipeline " + pipeline.fileName()
                    + " (it has no queue); remove it or use sns-sqs-lambda or sns-fifo-sqs-fifo-lambda");
        }
        return null;
    }

    private static StreamSpec stream(Fields f) {
        if (f == null) {
            return StreamSpec.defaults();
        }
        f.allowOnly(STREAM);
        return new StreamSpec(
                f.integer("shards", StreamSpec.DEFAULT_SHARDS),
                f.integer("batchSize", StreamSpec.DEFAULT_BATCH_SIZE),
                f.integer("batchWindowSeconds", StreamSpec.DEFAULT_BATCH_WINDOW_SECONDS),
                f.integer("parallelizationFactor", StreamSpec.DEFAULT_PARALLELIZATION_FACTOR),
                f.bool("bisectOnError", StreamSpec.DEFAULT_BISECT_ON_ERROR),
                f.integer("maxRetryAttempts", StreamSpec.INFINITE),
                f.integer("maxRecordAgeSeconds", StreamSpec.INFINITE));
    }

    private static StreamSpec rejectStream(Fields stream, Pipeline pipeline) {
        if (stream != null) {
            throw new ScenarioException("stream", "not allowed for pipeline " + pipeline.fileName()
                    + " (it has no Kinesis stream); remove it or use api-kinesis-lambda");
        }
        return null;
    }

    private static ConsumerSpec consumer(Fields f) {
        if (f == null) {
            return new ConsumerSpec(null, null, ConsumerSpec.DEFAULT_TIMEOUT_SECONDS, ConsumerSpec.DEFAULT_MEMORY_MB);
        }
        f.allowOnly(CONSUMER);
        return new ConsumerSpec(
                f.integer("reservedConcurrency"),
                f.integer("maximumConcurrency"),
                f.integer("timeoutSeconds", ConsumerSpec.DEFAULT_TIMEOUT_SECONDS),
                f.integer("memoryMb", ConsumerSpec.DEFAULT_MEMORY_MB),
                f.integer("provisionedConcurrency", 0),
                share(f, "errorRate"),
                share(f, "timeoutRate"),
                f.bool("snapStart", false));
    }

    /** A share from 0 to 1, 0 when absent. */
    private static double share(Fields f, String key) {
        String text = f.string(key);
        return text == null ? 0 : f.number(f.keyPath(key), text);
    }

    private static DownstreamSpec downstream(Fields f) {
        f.allowOnly(DOWNSTREAM);
        return new DownstreamSpec(
                Checks.required(f.keyPath("ratePerSecond"), f.integer("ratePerSecond")),
                Checks.required(f.keyPath("callMillis"), f.integer("callMillis")),
                f.bool("enforce", DownstreamSpec.DEFAULT_ENFORCE));
    }
}
