package io.streamlimit.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfiles;
import io.streamlimit.scenario.ProvisionedPollers;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pollers lever: the fewest pollers always running, enough at most for the environments the limit allows. */
class CandidateSpacePollersTest {

    @ParameterizedTest(name = "limit {0}/s, 1 s calls: batch {1} x {2} environments, pollers 2 to {3}")
    @CsvSource({
            "20, 1, 20, 2",     // the fewest AWS allows: 2 pollers, 20 batches
            "50, 1, 50, 5",
            "500, 10, 50, 5",   // 5 pollers x 10 invokes = 50 environments
            "505, 10, 50, 5",
            "1000, 10, 100, 10",
            "1000, 1, 900, 90", // batches of 1: the unreserved pool's 900
    })
    void each_shape_is_tried_with_pollers_sized_for_its_environments(int limit, int batch, int environments,
                                                                    int maximumPollers) {
        List<Candidate> pollers = new CandidateSpace(RecommendRequest.burst(limit, 1_000),
                AwsBehaviour.current()).candidates().stream()
                .filter(c -> c.family().startsWith(CandidateSpace.POLLERS))
                .filter(c -> c.scenario().queue().batchSize() == batch).toList();

        assertThat(pollers).hasSize(3); // without and with provisioned concurrency, and with SnapStart
        assertThat(pollers).allSatisfy(c -> {
            assertThat(c.scenario().queue().pollers()).isEqualTo(new ProvisionedPollers(2, maximumPollers));
            assertThat(c.scenario().consumer().reservedConcurrency()).isEqualTo(environments);
            assertThat(c.scenario().consumer().maximumConcurrency()).isNull();
            assertThat(c.label()).contains("provisioned pollers 2 to " + maximumPollers);
        });
    }

    @ParameterizedTest(name = "profile {0}, limit {1}/s: no pollers")
    @CsvSource({
            "2020, 500",    // no provisioned mode before November 2025
            "current, 19",  // 2 pollers would pull 20 batches for at most 19 environments
            "current, 1",
    })
    void pollers_are_not_tried_where_they_cannot_be_sized_for_the_limit(String profile, int limit) {
        assertThat(new CandidateSpace(RecommendRequest.burst(limit, 1_000), AwsProfiles.named(profile)).candidates())
                .noneMatch(c -> c.scenario().queue() != null && c.scenario().queue().pollers() != null);
    }
}
