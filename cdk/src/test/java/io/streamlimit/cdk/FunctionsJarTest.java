package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsJarTest {

    @TempDir
    Path root;

    @Test
    void a_missing_jar_tells_the_user_how_to_build_it() {
        assertThatThrownBy(() -> FunctionsJar.in(root))
                .isInstanceOf(MissingFunctionsJarException.class)
                .hasMessageContaining(root.resolve("functions/target").toString())
                .hasMessageContaining("./mvnw -pl functions package");
    }

    @Test
    void the_shaded_jar_is_found_and_the_plain_jar_ignored() throws IOException {
        Path target = Files.createDirectories(root.resolve("functions/target"));
        Files.createFile(target.resolve("streamlimit-functions-0.1.0-SNAPSHOT.jar"));
        Path shaded = Files.createFile(target.resolve("streamlimit-functions-0.1.0-SNAPSHOT-lambda.jar"));

        assertThat(FunctionsJar.in(root)).isEqualTo(shaded.toAbsolutePath());
    }

    @Test
    void of_several_versions_the_newest_build_wins() throws IOException {
        Path target = Files.createDirectories(root.resolve("functions/target"));
        Path old = Files.createFile(target.resolve("streamlimit-functions-0.1.0-lambda.jar"));
        Path recent = Files.createFile(target.resolve("streamlimit-functions-0.2.0-lambda.jar"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.parse("2026-06-01T00:00:00Z")));

        assertThat(FunctionsJar.in(root)).isEqualTo(recent.toAbsolutePath());
    }

    @Test
    void the_repository_root_is_found_from_cdk_or_from_itself() {
        Path repository = SynthesizedScenarios.REPOSITORY_ROOT;
        assertThat(repository.resolve("functions/pom.xml")).exists();
        assertThat(RepositoryRoot.from(repository.resolve("cdk"))).isEqualTo(repository);
        assertThat(RepositoryRoot.from(repository)).isEqualTo(repository);
    }
}
