package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared input checks: each passes a valid value through and refuses the rest, naming argument and value. */
class RuleChecksTest {

    @ParameterizedTest
    @CsvSource({"0", "1", "600000"})
    void non_negative_longs_pass_through(long value) {
        assertThat(RuleChecks.nonNegative("x", value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"1", "12000"})
    void positive_longs_pass_through(long value) {
        assertThat(RuleChecks.positive("x", value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"0.0", "0.2", "1.0"})
    void fractions_pass_through(double value) {
        assertThat(RuleChecks.fraction("jitter", value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"0.0", "16.6"})
    void non_negative_finite_doubles_pass_through(double value) {
        assertThat(RuleChecks.nonNegative("rate", value)).isEqualTo(value);
    }

    @Test
    void each_refusal_names_the_argument_and_the_value() {
        assertThatThrownBy(() -> RuleChecks.nonNegative("visibilityMillis", -1L))
                .hasMessage("visibilityMillis: must be 0 or more, got -1");
        assertThatThrownBy(() -> RuleChecks.positive("meanIntervalMillis", 0L))
                .hasMessage("meanIntervalMillis: must be above 0, got 0");
        assertThatThrownBy(() -> RuleChecks.fraction("jitter", 1.01))
                .hasMessage("jitter: must be 0 to 1, got 1.01");
        assertThatThrownBy(() -> RuleChecks.fraction("jitter", Double.NaN))
                .hasMessage("jitter: must be 0 to 1, got NaN");
        assertThatThrownBy(() -> RuleChecks.nonNegative("rate", -0.5))
                .hasMessage("rate: must be 0 or more and finite, got -0.5");
        assertThatThrownBy(() -> RuleChecks.nonNegative("rate", Double.POSITIVE_INFINITY))
                .hasMessage("rate: must be 0 or more and finite, got Infinity");
        assertThatThrownBy(() -> RuleChecks.nonNegative("rate", Double.NaN))
                .hasMessage("rate: must be 0 or more and finite, got NaN");
        assertThatThrownBy(() -> RuleChecks.required("aws", null)).hasMessage("aws: is required");
        assertThat(RuleChecks.required("aws", "x")).isEqualTo("x");
    }
}
