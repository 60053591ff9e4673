package io.streamlimit.scenario;

/**
 * A scenario that cannot run: an unknown key, a missing one, or a value AWS would refuse.
 * The message names the key path and, for numbers, the allowed range, for example
 * {@code queue.visibilityTimeoutSeconds: must be 0 to 43200, got 50000}.
 */
public class ScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the key path, such as {@code queue.batchSize}, or null when the problem is the
     *     whole file (not YAML, empty)
     */
    public ScenarioException(String key, String problem) {
        this(key, key == null ? problem : key + ": " + problem, null);
    }

    private ScenarioException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The key path that is wrong, or null when the problem is the whole file. */
    public String key() {
        return key;
    }

    /** The same problem, its message prefixed with the file (or other source) it came from. */
    public ScenarioException in(String sourceName) {
        return new ScenarioException(key, sourceName + ": " + getMessage(), this);
    }

    static ScenarioException wholeFile(String sourceName, String problem, Throwable cause) {
        return new ScenarioException(null, sourceName + ": " + problem, cause);
    }
}
