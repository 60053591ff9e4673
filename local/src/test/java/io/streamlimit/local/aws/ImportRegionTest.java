package io.streamlimit.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportRegionTest {

    @TempDir
    Path home;

    @Test
    void the_flag_wins_over_every_variable_and_the_profile() throws Exception {
        writeConfig("[default]\nregion = ap-south-1\n");
        ImportRegion region = ImportRegion.resolve("eu-central-1",
                Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "eu-west-1"), home, false);

        assertThat(region.region().id()).isEqualTo("eu-central-1");
        assertThat(region.source()).isEqualTo("--region");
    }

    @Test
    void aws_region_comes_before_aws_default_region() {
        ImportRegion region = ImportRegion.resolve(null, Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "eu-west-1"),
                home, false);

        assertThat(region).isEqualTo(new ImportRegion(software.amazon.awssdk.regions.Region.US_WEST_2, "AWS_REGION"));
    }

    @Test
    void aws_default_region_alone_is_used() throws Exception {
        writeConfig("[default]\nregion = ap-south-1\n");
        ImportRegion region = ImportRegion.resolve(null, Map.of("AWS_DEFAULT_REGION", "eu-west-1"), home, false);

        assertThat(region.region().id()).isEqualTo("eu-west-1");
        assertThat(region.source()).isEqualTo("AWS_DEFAULT_REGION");
    }

    @Test
    void without_variables_the_named_profile_of_the_config_file_gives_it() throws Exception {
        writeConfig("[default]\nregion = ap-south-1\n[profile lab]\nregion = sa-east-1\n");

        assertThat(ImportRegion.resolve(null, Map.of(), home, false).region().id()).isEqualTo("ap-south-1");
        assertThat(ImportRegion.resolve(null, Map.of("AWS_PROFILE", "lab"), home, false).region().id()).isEqualTo("sa-east-1");
        Path other = home.resolve("elsewhere.ini");
        Files.writeString(other, "[default]\nregion = ca-central-1\n");
        assertThat(ImportRegion.resolve(null, Map.of("AWS_CONFIG_FILE", other.toString()), home, false).region().id())
                .isEqualTo("ca-central-1");
    }

    @Test
    void no_region_anywhere_names_the_three_places_to_give_one() throws Exception {
        writeConfig("[profile lab]\nregion = sa-east-1\n");

        assertThatThrownBy(() -> ImportRegion.resolve(null, Map.of(), home, false))
                .isInstanceOf(ImportException.class)
                .hasMessage("no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or give profile 'default'"
                        + " a region in " + home.resolve(".aws/config") + " (aws configure set region us-east-1)");
    }

    @Test
    void an_emulator_without_a_region_talks_to_us_east_1() {
        assertThat(ImportRegion.resolve(null, Map.of(), home, true).region().id()).isEqualTo("us-east-1");
    }

    @Test
    void a_malformed_region_names_where_it_came_from() {
        assertThatThrownBy(() -> ImportRegion.resolve(null, Map.of("AWS_DEFAULT_REGION", "Frankfurt"), home, false))
                .hasMessage("region from AWS_DEFAULT_REGION: must be a region name such as us-east-1, got 'Frankfurt'");
        assertThatThrownBy(() -> ImportRegion.resolve("us_east_1", Map.of(), home, false))
                .hasMessage("--region: must be a region name such as us-east-1, got 'us_east_1'");
    }

    private void writeConfig(String content) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), content);
    }
}
