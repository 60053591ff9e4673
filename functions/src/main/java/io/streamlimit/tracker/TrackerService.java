package io.streamlimit.tracker;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Issues tokens and counts, per token, how many times each path was asked for; and answers the
 * tracker's HTTP API ({@link #handle}): {@code GET /auth} issues a token, any other {@code GET}
 * counts the path for the token in the {@code Authorization} header.
 */
public final class TrackerService {

    /** Longest path counted, in UTF-8 bytes as it arrived (percent-encoding included). */
    public static final int MAX_PATH_BYTES = 1024;

    /** The canonical lower-case form {@link UUID#toString()} issues. */
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A UUID collision is practically impossible; the bound only stops a broken supplier looping. */
    private static final int MAX_ISSUE_ATTEMPTS = 5;

    private final TrackerStore store;
    private final Clock clock;
    private final Supplier<UUID> tokens;

    public TrackerService(TrackerStore store, Clock clock) {
        this(store, clock, UUID::randomUUID);
    }

    TrackerService(TrackerStore store, Clock clock, Supplier<UUID> tokens) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Routes one request: 200 {@code {"token"}} or {@code {"count"}}; 405 for any method but GET,
     * 401 for a missing, malformed, unknown or expired token, 414 for a path over {@link #MAX_PATH_BYTES},
     * 503 when the store is unreachable; each error as {@code {"error"}}.
     */
    public TrackerResponse handle(TrackerRequest request) {
        if (!"GET".equals(request.method())) {
            return TrackerResponse.json(405, Map.of("error", "method " + request.method() + " not allowed: the tracker answers GET"));
        }
        try {
            if ("/auth".equals(request.path())) {
                return TrackerResponse.json(200, Map.of("token", issueToken()));
            }
            return TrackerResponse.json(200, Map.of("count", count(request.token(), request.path())));
        } catch (InvalidTokenException e) {
            return TrackerResponse.json(401, Map.of("error", e.getMessage()));
        } catch (PathTooLongException e) {
            return TrackerResponse.json(414, Map.of("error", e.getMessage()));
        } catch (TrackerUnavailableException e) {
            return TrackerResponse.json(503, Map.of("error", "the tracker's store is unavailable; try again"));
        }
    }

    /** Issues a new random token and records it. */
    public String issueToken() {
        for (int attempt = 0; attempt < MAX_ISSUE_ATTEMPTS; attempt++) {
            String token = tokens.get().toString();
            if (store.createToken(token, clock.millis())) {
                return token;
            }
        }
        throw new IllegalStateException("token supplier kept returning tokens already issued");
    }

    /**
     * Counts one request of {@code token} for {@code path} and returns the count, this request
     * included. The query string, if any, is not part of the path.
     *
     * @throws InvalidTokenException if the token is missing, malformed, was never issued or has expired
     * @throws PathTooLongException if the path is over {@link #MAX_PATH_BYTES} bytes
     */
    public long count(String token, String path) {
        String checkedToken = checkToken(token);
        String checkedPath = checkPath(path);
        return store.increment(checkedToken, checkedPath)
                .orElseThrow(() -> new InvalidTokenException("unknown or expired token: get one from GET /auth"));
    }

    private static String checkToken(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("missing token: send the Authorization header with a token from GET /auth");
        }
        // UUIDs are case-insensitive; the store keys on the lower-case form it issued.
        String trimmed = token.strip().toLowerCase(Locale.ROOT);
        if (!TOKEN.matcher(trimmed).matches()) {
            throw new InvalidTokenException("malformed token: expected a token from GET /auth");
        }
        return trimmed;
    }

    private static String checkPath(String path) {
        String withoutQuery = path == null ? "" : path;
        int query = withoutQuery.indexOf('?');
        if (query >= 0) {
            withoutQuery = withoutQuery.substring(0, query);
        }
        if (withoutQuery.isEmpty()) {
            withoutQuery = "/";
        }
        int bytes = withoutQuery.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new PathTooLongException("path is " + bytes + " bytes; the limit is " + MAX_PATH_BYTES);
        }
        return withoutQuery;
    }
}
