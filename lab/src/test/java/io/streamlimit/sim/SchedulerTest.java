package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.sim.internal.Scheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void actions_run_by_time_then_priority_then_the_order_they_were_scheduled() {
        Scheduler scheduler = new Scheduler();
        List<Long> order = new ArrayList<>();
        Scheduler.Action record = order::add;
        scheduler.at(20, Scheduler.ACT, record, 1);
        scheduler.at(10, Scheduler.ACT, record, 2);
        scheduler.at(10, Scheduler.END, record, 3);
        scheduler.at(10, Scheduler.ACT, record, 4);
        scheduler.at(5, Scheduler.TICK, record, 5);
        while (scheduler.runNext()) {
            // run all
        }
        assertThat(order).containsExactly(5L, 3L, 2L, 4L, 1L);
        assertThat(scheduler.now()).isEqualTo(20);
        assertThat(scheduler.steps()).isEqualTo(5);
    }

    @Test
    void an_action_scheduled_in_the_past_runs_now_and_the_heap_grows_as_needed() {
        Scheduler scheduler = new Scheduler();
        List<Long> times = new ArrayList<>();
        scheduler.at(100, Scheduler.ACT, tag -> {
            scheduler.at(50, Scheduler.ACT, t -> times.add(scheduler.now()), 0);
            for (int i = 0; i < 10_000; i++) {
                scheduler.after(10_000 - i, Scheduler.ACT, t -> times.add(scheduler.now()), i);
            }
        }, 0);
        while (scheduler.runNext()) {
            // run all
        }
        assertThat(times).hasSize(10_001).isSorted();
        assertThat(times.get(0)).isEqualTo(100);
    }
}
