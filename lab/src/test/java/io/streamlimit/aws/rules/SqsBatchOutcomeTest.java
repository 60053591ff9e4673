package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a batch's outcome does, as documented (services-sqs-errorhandling.html): an error in the
 * function code (a throw, a timeout) returns the whole batch after the visibility timeout and
 * scales the mapping down; with ReportBatchItemFailures the listed items return and "Lambda
 * doesn't scale down message polling".
 */
class SqsBatchOutcomeTest {

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(new SqsBatchOutcome.Returned(0), false, 10),
                Arguments.of(new SqsBatchOutcome.Returned(3), false, 10),
                Arguments.of(new SqsBatchOutcome.FunctionError(), true, 9),
                Arguments.of(new SqsBatchOutcome.InvalidReport(""), true, 9),
                Arguments.of(new SqsBatchOutcome.TimedOut(), true, 9));
    }

    @ParameterizedTest(name = "{0}: whole batch fails {1}, mapping at {2}")
    @MethodSource("outcomes")
    void a_function_error_or_timeout_fails_the_batch_and_shrinks_the_mapping_reported_items_do_neither(
            SqsBatchOutcome outcome, boolean wholeBatchFails, int targetAfter) {
        MappingScaler scaler = new MappingScaler(MappingScaler.Settings.of(AwsBehaviour.current().toBuilder()
                .concurrentBatchesAddedPerMinute(60).mappingScalingTick(Duration.ofSeconds(1))
                .mappingBatchesRemovedPerError(1).build(), 10));
        for (int i = 0; scaler.target() < 10; i++) {
            scaler.tick(i * 1_000L, true);
        }

        assertThat(outcome.wholeBatchFails()).isEqualTo(wholeBatchFails);
        outcome.reportTo(scaler, 20_000);
        assertThat(scaler.target()).isEqualTo(targetAfter);
    }

    @ParameterizedTest(name = "batch a b c, reported {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "          | Returned[failedItems=0]",
            "b         | Returned[failedItems=1]",
            "a c       | Returned[failedItems=2]",
            "b b       | Returned[failedItems=1]",
            "d         | InvalidReport[itemIdentifier=d]",   // not in the batch: a complete failure
            "a <empty> | InvalidReport[itemIdentifier=]",    // an empty identifier: the same
    })
    void a_report_naming_an_item_not_in_the_batch_fails_the_whole_batch(String reported, String outcome) {
        List<String> ids = reported == null ? List.of()
                : Arrays.stream(reported.trim().split("\\s+")).map(id -> id.equals("<empty>") ? "" : id).toList();
        assertThat(SqsBatchOutcome.returned(List.of("a", "b", "c"), ids)).hasToString(outcome);
    }

    @Test
    void a_null_identifier_fails_the_whole_batch() {
        List<String> reported = new ArrayList<>();
        reported.add(null);
        assertThat(SqsBatchOutcome.returned(List.of("a"), reported))
                .isEqualTo(new SqsBatchOutcome.InvalidReport(null));
    }

    @Test
    void a_negative_count_of_failed_items_is_refused() {
        assertThatThrownBy(() -> new SqsBatchOutcome.Returned(-1)).hasMessage("failedItems: must be 0 or more, got -1");
    }
}
