package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void pick_takes_the_first_share_whose_running_sum_exceeds_the_roll_and_the_rest_past_them() {
        assertThat(FaultPlan.pick(0.0, 0.45, 0.30)).isZero();
        assertThat(FaultPlan.pick(0.449, 0.45, 0.30)).isZero();
        assertThat(FaultPlan.pick(0.45, 0.45, 0.30)).isEqualTo(1);
        assertThat(FaultPlan.pick(0.749, 0.45, 0.30)).isEqualTo(1);
        assertThat(FaultPlan.pick(0.75, 0.45, 0.30)).isEqualTo(2);
        assertThat(FaultPlan.pick(0.99, 0.03, 0.015, 0.01)).isEqualTo(3);
    }

    @Test
    void the_standard_shares_of_each_choice_add_up_to_at_most_one() {
        FaultPlan plan = FaultPlan.standard();
        FaultPlan.Handler h = plan.handler();
        assertThat(h.send() + h.direct()).isLessThanOrEqualTo(1);
        assertThat(h.sendOpen() + h.sendClose()).isLessThanOrEqualTo(1);
        assertThat(h.directAcquire() + h.directRelease() + h.directCheck() + h.directOpen()).isLessThanOrEqualTo(1);
        assertThat(h.downstreamError() + h.errorAfter() + h.errorBefore()).isLessThanOrEqualTo(1);
        FaultPlan.Storm s = plan.storm();
        assertThat(s.acquire() + s.release() + s.check() + s.openEvent()).isLessThanOrEqualTo(1);
        FaultPlan.Pipeline p = plan.pipeline();
        assertThat(p.downstreamError() + p.visibilityOverrun() + p.functionTimeout()).isLessThanOrEqualTo(1);
        FaultPlan.Async a = plan.async();
        assertThat(a.errorBefore() + a.errorAfter() + a.alwaysFails() + a.slow()).isLessThanOrEqualTo(1);
    }
}
