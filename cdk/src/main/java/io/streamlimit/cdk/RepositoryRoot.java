package io.streamlimit.cdk;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root seen from where the app runs: the CDK CLI runs it in {@code cdk/}, an IDE
 * or a test may run it in the root itself.
 */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path from(Path workingDirectory) {
        Path dir = workingDirectory.toAbsolutePath().normalize();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("functions").resolve("pom.xml"))) {
                return candidate;
            }
        }
        // Not inside a checkout: treat cdk/'s parent as the root so that messages show a sensible path.
        return dir.getFileName() != null && dir.getFileName().toString().equals("cdk") ? dir.getParent() : dir;
    }
}
