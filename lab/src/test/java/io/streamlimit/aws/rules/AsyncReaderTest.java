package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The async queue's reads: the fitted mean rate, at random moments, at once after an idle spell. */
class AsyncReaderTest {

    private static final int READS = 100_000;

    /** Reads per whole second when the queue always has an event due. */
    private static int[] readsPerSecond(double rate, long seed) {
        AsyncReader reader = new AsyncReader(rate);
        SplittableRandom random = new SplittableRandom(seed);
        long[] at = new long[READS];
        long now = 0;
        for (int i = 0; i < READS; i++) {
            now = reader.reserve(now, random);
            at[i] = now;
        }
        int[] perSecond = new int[(int) (at[READS - 1] / 1_000) + 1];
        for (long t : at) {
            perSecond[(int) (t / 1_000)]++;
        }
        return perSecond;
    }

    @Test
    void a_busy_queue_is_read_at_the_mean_rate() {
        int[] perSecond = readsPerSecond(16.6, 1);

        // 100,000 reads at 16.6 a second last about 6,024 s; the sum of 100,000 memoryless waits
        // has a relative spread of 0.3%, so 1% either way is more than three spreads.
        assertThat(perSecond.length).isBetween(5_964, 6_085);
    }

    @Test
    void reads_come_at_random_moments_so_some_seconds_get_far_more_than_the_mean() {
        int[] perSecond = readsPerSecond(16.6, 1);
        double mean = 0;
        for (int n : perSecond) {
            mean += n;
        }
        mean /= perSecond.length;
        double variance = 0;
        int above20 = 0;
        int most = 0;
        for (int n : perSecond) {
            variance += (n - mean) * (n - mean);
            above20 += n > 20 ? 1 : 0;
            most = Math.max(most, n);
        }
        variance /= perSecond.length;

        // Random reads: counts per second vary as much as their mean (a Poisson process), where
        // evenly spaced reads would give 16 or 17 every second.
        assertThat(variance / mean).isBetween(0.8, 1.2);
        assertThat(most).isGreaterThan(25);
        assertThat(above20).isGreaterThan(perSecond.length / 10);
    }

    @Test
    void an_idle_reader_reads_at_once() {
        AsyncReader reader = new AsyncReader(16.6);
        SplittableRandom random = new SplittableRandom(3);
        reader.reserve(0, random);

        assertThat(reader.reserve(60_000, random)).isEqualTo(60_000);
    }

    @Test
    void no_rate_means_no_wait() {
        AsyncReader reader = new AsyncReader(0);
        SplittableRandom random = new SplittableRandom(3);

        assertThat(reader.reserve(5, random)).isEqualTo(5);
        assertThat(reader.reserve(5, random)).isEqualTo(5);
    }

    @Test
    void a_rate_that_is_no_rate_is_refused() {
        assertThatThrownBy(() -> new AsyncReader(-1)).hasMessage("ratePerSecond: must be 0 or more and finite, got -1.0");
        assertThatThrownBy(() -> new AsyncReader(Double.NaN)).hasMessage("ratePerSecond: must be 0 or more and finite, got NaN");
    }
}
