package io.streamlimit.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the functions module's shaded jar, the one deployment artifact of every function. It is
 * built by Maven, never committed, so the app looks for it where the build leaves it.
 */
public final class FunctionsJar {

    private static final String PREFIX = "streamlimit-functions-";
    private static final String SUFFIX = "-lambda.jar";

    private FunctionsJar() {
    }

    /**
     * The jar in {@code <repository root>/functions/target}; when several versions lie there, the
     * newest file wins.
     *
     * @throws MissingFunctionsJarException telling the user how to build it
     */
    public static Path in(Path repositoryRoot) {
        Path target = repositoryRoot.resolve("functions").resolve("target").toAbsolutePath().normalize();
        return newestJar(target).orElseThrow(() -> new MissingFunctionsJarException(target));
    }

    /** A jar named explicitly (context {@code functionsJar}); it must exist. */
    public static Path at(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new MissingFunctionsJarException(jar.toAbsolutePath().normalize());
        }
        return jar.toAbsolutePath().normalize();
    }

    private static Optional<Path> newestJar(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(FunctionsJar::isShadedJar)
                    .max(Comparator.comparingLong(FunctionsJar::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    private static boolean isShadedJar(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(file);
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
