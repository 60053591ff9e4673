package io.streamlimit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When each event is released, by arrival pattern: the one schedule both engines' producers follow. */
class ReleaseScheduleTest {

    private static final EventsSpec SPIKES = new EventsSpec(100, ArrivalPattern.SPIKES, 10, null, 30, 5, 50, null);

    @ParameterizedTest(name = "event {0}: burst {1}, 4 a second {2}, 30 every 5 s {3}")
    @CsvSource({
            "0, 0, 0, 0",
            "1, 0, 250, 0",
            "4, 0, 1000, 0",
            "29, 0, 7250, 0",
            "30, 0, 7500, 5000",
            "61, 0, 15250, 10000",
    })
    void each_pattern_releases_events_at_its_own_times(int id, long burst, long rate, long spikes) {
        assertThat(new ReleaseSchedule(EventsSpec.burst(100)).releaseMillis(id)).isEqualTo(burst);
        assertThat(new ReleaseSchedule(EventsSpec.rate(100, 4)).releaseMillis(id)).isEqualTo(rate);
        assertThat(new ReleaseSchedule(SPIKES).releaseMillis(id)).isEqualTo(spikes);
    }

    @ParameterizedTest(name = "event {0}: {1} ms")
    @CsvSource({"0, 0", "1, 500", "2, 1000", "3, 1333", "5, 2000"})
    void a_replay_spreads_each_second_evenly(int id, long at) {
        SecondCounts counts = new SecondCounts(new int[] {2, 3, 1});
        EventsSpec replay = EventsSpec.of(new ReplayTraffic("counts.csv", counts));
        assertThat(new ReleaseSchedule(replay).releaseMillis(id)).isEqualTo(at);
    }

    @Test
    void a_negative_event_is_refused() {
        assertThatThrownBy(() -> new ReleaseSchedule(EventsSpec.burst(3)).releaseMillis(-1))
                .hasMessage("id: must be 0 or more, got -1");
    }
}
