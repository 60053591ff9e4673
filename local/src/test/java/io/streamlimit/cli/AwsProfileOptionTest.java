package io.streamlimit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AwsProfileOptionTest {

    @Test
    void a_run_id_names_the_profile_unless_it_is_current() {
        assertThat(AwsProfileOption.runIdPart(null)).isEmpty();
        assertThat(AwsProfileOption.runIdPart("current")).isEmpty();
        assertThat(AwsProfileOption.runIdPart("2020")).isEqualTo("-aws-2020");
        assertThat(AwsProfileOption.runIdPart("/work/profiles/slow mapping.yaml")).isEqualTo("-aws-slow_mapping");
    }

    @Test
    void a_written_scenario_names_a_profile_file_relative_to_itself() {
        AwsProfileOption option = new AwsProfileOption();
        assertThat(option.relativeTo(Path.of("out"))).isNull();

        option.profile = "2020";
        assertThat(option.relativeTo(Path.of("out"))).isEqualTo("2020");

        option.profile = "profiles/fitted.yaml";
        assertThat(option.relativeTo(Path.of("out"))).isEqualTo(Path.of("..", "profiles", "fitted.yaml").toString());
    }
}
