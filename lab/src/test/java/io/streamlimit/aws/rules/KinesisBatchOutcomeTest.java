package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What follows a Kinesis batch's invocation (kinesis-on-failure-destination.html). */
class KinesisBatchOutcomeTest {

    @ParameterizedTest(name = "{0}, {1} records, {2} retries used, bisect {3}, max {4}: {5}")
    @CsvSource({
            // outcome, size, retries used, bisect, maxRetryAttempts, resolution
            "succeeded, 10, 0, false, -1, done",
            "succeeded, 10, 3, true,   3, done",
            "throttled, 10, 0, false,  0, retry 0",        // throttles never count, even with 0 retries allowed
            "throttled, 10, 2, true,   2, retry 2",        // nor bisect
            "error,     10, 0, false, -1, retry 1",        // infinite retries
            "error,     10, 9999, false, -1, retry 10000",
            "error,     10, 0, false,  2, retry 1",
            "error,     10, 1, false,  2, retry 2",
            "error,     10, 2, false,  2, exhausted",
            "error,     10, 0, false,  0, exhausted",      // no retry at all
            "error,     10, 0, true,   0, bisect 5",       // splitting does not use the retry quota
            "error,     11, 1, true,   1, bisect 6",       // the first half takes the odd record
            "error,     2,  0, true,   2, bisect 1",
            "error,     1,  0, true,   2, retry 1",        // a single record cannot split: its retries count
            "error,     1,  2, true,   2, exhausted",
    })
    void each_outcome_resolves_as_aws_documents(String outcome, int size, int retries, boolean bisect,
                                                int maxRetryAttempts, String expected) {
        KinesisBatchOutcome o = switch (outcome) {
            case "succeeded" -> new KinesisBatchOutcome.Succeeded();
            case "throttled" -> new KinesisBatchOutcome.Throttled();
            default -> new KinesisBatchOutcome.FunctionError();
        };
        String[] e = expected.split(" ");
        KinesisBatchOutcome.Resolution resolution = switch (e[0]) {
            case "done" -> new KinesisBatchOutcome.Done();
            case "retry" -> new KinesisBatchOutcome.Retry(Integer.parseInt(e[1]));
            case "bisect" -> new KinesisBatchOutcome.Bisect(Integer.parseInt(e[1]));
            default -> new KinesisBatchOutcome.RetriesExhausted();
        };
        assertThat(o.resolve(size, retries, bisect, maxRetryAttempts)).isEqualTo(resolution);
    }

    @Test
    void bad_input_is_refused() {
        KinesisBatchOutcome error = new KinesisBatchOutcome.FunctionError();
        assertThatThrownBy(() -> error.resolve(0, 0, false, -1)).hasMessage("size: must be above 0, got 0");
        assertThatThrownBy(() -> error.resolve(1, -1, false, -1)).hasMessage("retries: must be 0 or more, got -1");
        assertThatThrownBy(() -> error.resolve(1, 0, false, -2))
                .hasMessage("maxRetryAttempts: must be -1 (infinite) or more, got -2");
    }
}
