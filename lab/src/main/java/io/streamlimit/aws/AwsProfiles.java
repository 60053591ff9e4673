package io.streamlimit.aws;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Behaviour profiles by name: {@value #CURRENT} (the default, AWS as documented today) and
 * {@value #Y2020} (AWS during the original experiments), or a YAML file of {@link AwsBehaviour}
 * fields applied over one of them ({@link AwsProfileFile}).
 */
public final class AwsProfiles {

    public static final String CURRENT = "current";
    public static final String Y2020 = "2020";

    private static final Map<String, AwsBehaviour> NAMED = named();

    private AwsProfiles() {
    }

    private static Map<String, AwsBehaviour> named() {
        Map<String, AwsBehaviour> named = new LinkedHashMap<>();
        named.put(CURRENT, AwsBehaviour.current());
        named.put(Y2020, aws2020());
        return Collections.unmodifiableMap(named);
    }

    /**
     * AWS in June 2020, when the original experiments ran: the documented figures of the time. The
     * fitted values are shared with {@code current}: they were fitted to the 2020 runs (the only
     * real runs there are), and today's AWS keeps them until a user calibrates a profile of their
     * own ({@code streamlimit calibrate}).
     */
    private static AwsBehaviour aws2020() {
        return AwsBehaviour.current().toBuilder()
                // Documented in 2020: the mapping added up to 60 more instances per minute
                // (awsdocs/aws-lambda-developer-guide, doc_source/with-sqs.md, June 2020; today's
                // 300 came with https://aws.amazon.com/blogs/compute/introducing-faster-polling-scale-up-for-aws-lambda-functions-configured-with-amazon-sqs/).
                .concurrentBatchesAddedPerMinute(60)
                // Documented in 2020: at most 1,000 batches processed at once (same page; today's
                // 1,250 is in CurrentAws).
                .maxConcurrentBatches(1_000)
                // No provisioned mode before November 2025: a scenario asking for pollers is refused.
                .maxMaximumPollers(0)
                // Documented in 2020: an initial burst of 3,000 environments in eu-west-1, then 500
                // more per minute (awsdocs/aws-lambda-developer-guide, doc_source/invocation-scaling.md,
                // June 2020; replaced in November 2023, https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html).
                .environmentBurst(3_000)
                .environmentsAddedPerWindow(500)
                .scalingWindow(Duration.ofSeconds(60))
                // Fitted: the 2020 functions (Node.js 12, a database connection opened at init)
                // started cold in about a second, not today's 400 ms assumption for Java. At the
                // async queue's 16.6 events a second, 1 s of init gives consumer-1 of the June
                // 2020 trace its 37 environments (34 simulated), all made in its first seconds.
                .coldStart(Duration.ofSeconds(1))
                // Documented in 2020: SNS FIFO topics (October 2020) took 300 publishes a second
                // (https://aws.amazon.com/about-aws/whats-new/2020/10/amazon-sns-introduces-fifo-topics-with-strict-ordering-and-deduplication-of-messages/);
                // SQS high throughput FIFO came in 2021, so 2020 had only the 300 calls a second.
                .snsFifoMessagesPerSecond(300)
                .snsFifoHighThroughputMessagesPerSecond(300)
                .snsFifoMessagesPerSecondPerGroup(300)
                .fifoHighThroughputApiCallsPerSecond(300)
                // Documented: SnapStart came in November 2022
                // (https://aws.amazon.com/about-aws/whats-new/2022/11/aws-lambda-snapstart-java-functions/).
                .snapStartAvailable(false)
                .build();
    }

    /** The profile names, the default first. */
    public static Set<String> names() {
        return NAMED.keySet();
    }

    /** True when {@code name} is a profile's name rather than a file. */
    public static boolean isName(String name) {
        return NAMED.containsKey(name);
    }

    /**
     * The named profile.
     *
     * @throws AwsProfileException listing the names when there is none of that name
     */
    public static AwsBehaviour named(String name) {
        AwsBehaviour behaviour = NAMED.get(name);
        if (behaviour == null) {
            throw new AwsProfileException("unknown AWS profile \"" + name + "\"; profiles: " + String.join(", ", names()));
        }
        return behaviour;
    }

    /** A profile name, else a profile file, relative to the working directory. */
    public static AwsBehaviour resolve(String nameOrFile) {
        return resolve(nameOrFile, Path.of(""));
    }

    /**
     * A profile name, else a profile file; a relative file is taken from {@code directory} (a
     * scenario's profile from the scenario file's directory).
     *
     * @throws AwsProfileException for an unknown name that is no file either, listing the profiles,
     *     or for a file with a bad key or value, naming it
     */
    public static AwsBehaviour resolve(String nameOrFile, Path directory) {
        if (nameOrFile == null || nameOrFile.isBlank()) {
            throw new AwsProfileException("an AWS profile must be one of " + String.join(", ", names())
                    + " or a profile file, got \"" + (nameOrFile == null ? "" : nameOrFile) + "\"");
        }
        AwsBehaviour behaviour = NAMED.get(nameOrFile);
        if (behaviour != null) {
            return behaviour;
        }
        Path file = file(nameOrFile, directory);
        if (file == null) {
            throw new AwsProfileException("unknown AWS profile \"" + nameOrFile + "\": not a profile ("
                    + String.join(", ", names()) + ") and no such file");
        }
        return AwsProfileFile.load(file);
    }

    private static Path file(String nameOrFile, Path directory) {
        try {
            Path file = directory.resolve(nameOrFile);
            return Files.isRegularFile(file) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
