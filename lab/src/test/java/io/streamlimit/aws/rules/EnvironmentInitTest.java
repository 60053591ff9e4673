package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A new environment initializes, or with SnapStart restores its version's snapshot
 * (snapstart.html); the restore's duration is the profile's {@code snapStartRestore}, and a
 * profile from before SnapStart (2020) refuses it.
 */
class EnvironmentInitTest {

    @ParameterizedTest(name = "{0}, SnapStart {1}: {2} ms")
    @CsvSource({
            "current, false, 400",
            "current, true, 40",   // the restore: the assumed 10x of the 400 ms init
            "2020, false, 1000",
    })
    void a_new_environment_pays_the_init_or_with_snapstart_the_restore(String profile, boolean snapStart,
            long millis) {
        assertThat(EnvironmentInit.millis(AwsProfiles.named(profile), snapStart)).isEqualTo(millis);
    }

    @ParameterizedTest(name = "restore {0} ms")
    @CsvSource({"0", "40", "250"})
    void the_restore_is_the_profiles_value(long restore) {
        AwsBehaviour aws = AwsBehaviour.current().toBuilder().snapStartRestore(java.time.Duration.ofMillis(restore)).build();
        assertThat(EnvironmentInit.millis(aws, true)).isEqualTo(restore);
        assertThat(EnvironmentInit.millis(aws, false)).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2020"})
    void a_profile_without_snapstart_refuses_it(String profile) {
        assertThatThrownBy(() -> EnvironmentInit.millis(AwsProfiles.named(profile), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("snapStart: this AWS behaviour has no SnapStart");
    }
}
