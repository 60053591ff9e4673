package io.streamlimit.fidelity;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of one trace file, in file order.
 *
 * @param source where the rows came from (a file name or resource), for messages
 */
public record Trace(String source, List<TraceRow> rows) {

    public Trace {
        rows = List.copyOf(rows);
    }

    /** The consumers in the trace, sorted. */
    public Set<String> groupIds() {
        Set<String> ids = new TreeSet<>();
        rows.forEach(row -> ids.add(row.groupId()));
        return ids;
    }

    /** The rows of one consumer, in file order. */
    public List<TraceRow> group(String groupId) {
        List<TraceRow> group = rows.stream().filter(row -> row.groupId().equals(groupId)).toList();
        if (group.isEmpty()) {
            throw new IllegalArgumentException(source + ": no rows for group_id " + groupId
                    + " (the trace has " + String.join(", ", groupIds()) + ")");
        }
        return group;
    }
}
