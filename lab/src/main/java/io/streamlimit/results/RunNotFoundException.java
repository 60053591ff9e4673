package io.streamlimit.results;

/** No run with the requested id is in the results database. */
public class RunNotFoundException extends RuntimeException {

    private final String runId;

    public RunNotFoundException(String runId) {
        super("no run with id '" + runId + "' in the results database");
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
