package io.streamlimit.results;

/** Told as rows reach the results database, so a long save shows how far it got. */
@FunctionalInterface
public interface SaveProgress {

    SaveProgress NONE = (saved, total) -> { };

    /** {@code saved} of {@code total} rows are written (not yet committed until they all are). */
    void saved(long saved, long total);
}
