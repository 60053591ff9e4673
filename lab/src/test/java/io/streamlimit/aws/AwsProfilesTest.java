package io.streamlimit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsProfilesTest {

    @TempDir
    Path dir;

    private static final AwsBehaviour CURRENT = AwsBehaviour.current();

    /** The fields in which two behaviours differ. */
    private static List<String> differences(AwsBehaviour a, AwsBehaviour b) throws Exception {
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : AwsBehaviour.class.getRecordComponents()) {
            if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                fields.add(c.getName());
            }
        }
        return fields;
    }

    @Test
    void the_profiles_are_current_then_2020() {
        assertThat(AwsProfiles.names()).containsExactly("current", "2020");
        assertThat(AwsProfiles.resolve("current")).isSameAs(CURRENT);
    }

    @Test
    void the_2020_profile_is_aws_during_the_original_experiments() throws Exception {
        AwsBehaviour aws2020 = AwsProfiles.resolve("2020");

        assertThat(aws2020.concurrentBatchesAddedPerMinute()).isEqualTo(60);
        assertThat(aws2020.environmentBurst()).isEqualTo(3_000);
        assertThat(aws2020.environmentsAddedPerWindow()).isEqualTo(500);
        assertThat(aws2020.scalingWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(aws2020.coldStart()).isEqualTo(Duration.ofSeconds(1));
        assertThat(aws2020.snsFifoMessagesPerSecond()).isEqualTo(300);
        assertThat(aws2020.fifoHighThroughputApiCallsPerSecond()).isEqualTo(300);
        assertThat(aws2020.snapStartAvailable()).isFalse();
        assertThat(aws2020.maxConcurrentBatches()).isEqualTo(1_000);
        assertThat(aws2020.provisionedPollersAvailable()).as("provisioned mode came in November 2025").isFalse();
        assertThat(differences(aws2020, CURRENT)).containsExactlyInAnyOrder(
                "concurrentBatchesAddedPerMinute", "maxConcurrentBatches", "maxMaximumPollers", "environmentBurst",
                "environmentsAddedPerWindow", "scalingWindow", "coldStart", "fifoHighThroughputApiCallsPerSecond",
                "snsFifoMessagesPerSecond", "snsFifoHighThroughputMessagesPerSecond", "snapStartAvailable");
    }

    @Test
    void a_profile_file_changes_exactly_the_fields_it_names_over_current() throws Exception {
        Path file = dir.resolve("slow-mapping.yaml");
        Files.writeString(file, """
                concurrentBatchesAddedPerMinute: 60
                heldBatchRetryMeanInterval: PT2.5S
                asyncDeliveryRatePerSecond: 17
                mappingBatchesRemovedPerThrottle: 0.25
                """);

        AwsBehaviour profile = AwsProfiles.resolve(file.toString());

        assertThat(differences(profile, CURRENT)).containsExactly("concurrentBatchesAddedPerMinute",
                "mappingBatchesRemovedPerThrottle", "heldBatchRetryMeanInterval", "asyncDeliveryRatePerSecond");
        assertThat(profile).isEqualTo(CURRENT.toBuilder().concurrentBatchesAddedPerMinute(60)
                .heldBatchRetryMeanInterval(Duration.ofMillis(2_500)).asyncDeliveryRatePerSecond(17.0)
                .mappingBatchesRemovedPerThrottle(0.25).build());
    }

    @Test
    void a_profile_file_may_start_from_another_profile() throws Exception {
        AwsBehaviour profile = AwsProfileFile.parse("base: \"2020\"\nconcurrentBatchesAddedPerMinute: 100\n", "p.yaml");

        assertThat(differences(profile, AwsProfiles.named("2020"))).containsExactly("concurrentBatchesAddedPerMinute");
        assertThat(AwsProfileFile.parse("base: 2020\n", "p.yaml")).isEqualTo(AwsProfiles.named("2020"));
        assertThatThrownBy(() -> AwsProfileFile.parse("base: 2019\n", "p.yaml"))
                .hasMessage("p.yaml: base: must be one of current, 2020, got 2019");
    }

    @Test
    void a_relative_profile_file_is_taken_from_the_directory_given() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), "environmentBurst: 3000\n");

        assertThat(AwsProfiles.resolve("p.yaml", dir).environmentBurst()).isEqualTo(3_000);
    }

    @Test
    void an_unknown_key_is_an_error_naming_it_and_the_known_keys() {
        assertThatThrownBy(() -> AwsProfileFile.parse("concurrentBatchesAddedPerMinute: 60\nscalingWindows: PT60S\n", "p.yaml"))
                .isInstanceOf(AwsProfileException.class)
                .hasMessageStartingWith("p.yaml: scalingWindows: unknown key; known keys: base, longPollWait, "
                        + "initialConcurrentBatches, concurrentBatchesAddedPerMinute,")
                .hasMessageContaining(", scalingWindow, ")
                .hasMessageContaining(", maxMaxReceiveCount, maxStreamShards, defaultStreamBatchSize, maxStreamBatchSize,"
                        + " maxStreamBatchWindowSeconds, maxParallelizationFactor, maxStreamRetryAttempts, minStreamRecordAgeSeconds,"
                        + " maxStreamRecordAgeSeconds, shardPollInterval, shardWriteRecordsPerSecond, shardWriteBytesPerSecond,"
                        + " putRetryInitialBackoff, putRetryMaxBackoff, maxFifoBatchSize")
                .hasMessageEndingWith(", snsFifoMessagesPerSecondPerGroup");
    }

    @Test
    void every_field_is_a_key() {
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : AwsBehaviour.class.getRecordComponents()) {
            fields.add(c.getName());
        }
        assertThat(AwsProfileFile.knownKeys()).hasSize(fields.size() + 1).startsWith("base").containsAll(fields);
    }

    @Test
    void a_bad_value_names_the_key_and_the_value() {
        assertThatThrownBy(() -> AwsProfileFile.parse("concurrentBatchesAddedPerMinute: lots\n", "p.yaml"))
                .hasMessage("p.yaml: concurrentBatchesAddedPerMinute: must be a whole number, got \"lots\"");
        assertThatThrownBy(() -> AwsProfileFile.parse("concurrentBatchesAddedPerMinute: 60.5\n", "p.yaml"))
                .hasMessage("p.yaml: concurrentBatchesAddedPerMinute: must be a whole number, got 60.5");
        assertThatThrownBy(() -> AwsProfileFile.parse("scalingWindow: 60\n", "p.yaml"))
                .hasMessage("p.yaml: scalingWindow: must be an ISO-8601 duration such as PT20S, PT0.05S or PT5M, got 60");
        assertThatThrownBy(() -> AwsProfileFile.parse("scalingWindow: 60s\n", "p.yaml"))
                .hasMessage("p.yaml: scalingWindow: must be an ISO-8601 duration such as PT20S, PT0.05S or PT5M, got \"60s\"");
        assertThatThrownBy(() -> AwsProfileFile.parse("asyncRetryJitter: 2\n", "p.yaml"))
                .hasMessage("p.yaml: asyncRetryJitter: must be 0 to 1, got 2.0");
        assertThatThrownBy(() -> AwsProfileFile.parse("snapStartAvailable: 1\n", "p.yaml"))
                .hasMessage("p.yaml: snapStartAvailable: must be true or false, got 1");
        assertThat(AwsProfileFile.parse("snapStartAvailable: false\n", "p.yaml").snapStartAvailable()).isFalse();
        assertThatThrownBy(() -> AwsProfileFile.parse("coldStart: null\n", "p.yaml"))
                .hasMessage("p.yaml: coldStart: must be an ISO-8601 duration such as PT20S, PT0.05S or PT5M, got null");
    }

    @Test
    void a_file_that_is_empty_or_no_mapping_or_no_yaml_is_named() {
        assertThatThrownBy(() -> AwsProfileFile.parse("", "p.yaml")).hasMessageStartingWith("p.yaml: is empty");
        assertThatThrownBy(() -> AwsProfileFile.parse("- 1\n", "p.yaml"))
                .hasMessageStartingWith("p.yaml: must be a YAML mapping of AwsBehaviour fields");
        assertThatThrownBy(() -> AwsProfileFile.parse("a: [", "p.yaml")).hasMessageStartingWith("p.yaml: not valid YAML");
        assertThatThrownBy(() -> AwsProfileFile.parse("coldStart: PT1S\ncoldStart: PT2S\n", "p.yaml"))
                .hasMessageStartingWith("p.yaml: not valid YAML").hasMessageContaining("coldStart");
    }

    @Test
    void an_unknown_name_that_is_no_file_lists_the_profiles() {
        assertThatThrownBy(() -> AwsProfiles.resolve("2019", dir))
                .isInstanceOf(AwsProfileException.class)
                .hasMessage("unknown AWS profile \"2019\": not a profile (current, 2020) and no such file");
        assertThatThrownBy(() -> AwsProfiles.resolve(" "))
                .hasMessage("an AWS profile must be one of current, 2020 or a profile file, got \" \"");
    }
}
