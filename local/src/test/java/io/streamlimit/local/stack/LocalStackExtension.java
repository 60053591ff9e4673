package io.streamlimit.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack for a test class ({@code @RegisterExtension static}): started on free loopback
 * ports before the class's first test, its results in a temporary directory, closed and deleted
 * after its last.
 */
public final class LocalStackExtension implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<LocalStackOptions> options;
    private Path resultsDir;
    private LocalStack stack;

    /** The stack without Kinesis. */
    public LocalStackExtension() {
        this(UnaryOperator.identity());
    }

    /** @param options changes to the defaults, e.g. {@code o -> o.withKinesis(0, 1)} */
    public LocalStackExtension(UnaryOperator<LocalStackOptions> options) {
        this.options = options;
    }

    public LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("the local stack starts before the test class's first test");
        }
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        resultsDir = Files.createTempDirectory("streamlimit-test-");
        stack = LocalStack.start(options.apply(new LocalStackOptions(0, null, 0, resultsDir, 0, null)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(resultsDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(LocalStackExtension::delete);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
