package io.streamlimit.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * dynalite (npm, Apache-2.0), the open-source DynamoDB server the local stack, the tests, chaos
 * and bench run on: {@code node/dynalite-server.js} on 127.0.0.1. It lacks TransactWriteItems and
 * UpdateTimeToLive; the stores here use neither where it runs (see the tracker store and
 * {@code TimeToLive}).
 */
public final class Dynalite {

    private static final Pattern READY = Pattern.compile("dynalite listening on 127\\.0\\.0\\.1 port (?<port>\\d+)");

    private Dynalite() {
    }

    /**
     * Starts dynalite on {@code port} (0: a free one), in memory when {@code dataDirOrNull} is
     * null, else on the tables kept in that directory (created if missing).
     *
     * @throws IllegalStateException if the port is in use or the server cannot start
     */
    public static NodeService start(int port, Path dataDirOrNull) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        NodeProject project = NodeProject.installed();
        String[] args = dataDirOrNull == null
                ? new String[] {Integer.toString(port)}
                : new String[] {Integer.toString(port), createdDirectory(dataDirOrNull).toString()};
        return NodeService.start(project, NodeService.Spec.of("dynalite", project.file("dynalite-server.js"), READY, args));
    }

    /** The HTTP endpoint of a dynalite started by {@link #start}. */
    public static URI endpoint(NodeService dynalite) {
        return URI.create("http://127.0.0.1:" + dynalite.port());
    }

    private static Path createdDirectory(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create DynamoDB data directory " + dir, e);
        }
    }
}
