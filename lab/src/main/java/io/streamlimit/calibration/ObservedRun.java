package io.streamlimit.calibration;

import io.streamlimit.fidelity.Trace;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.RunData;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The real run a calibration fits: the rows of one consumer (one {@code group_id}) of a trace
 * file or of a saved run.
 *
 * @param source where the rows came from: a file name, or "run ID"
 * @param groupId the consumer
 */
public record ObservedRun(String source, String groupId, List<InvocationRow> rows) {

    public ObservedRun {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(groupId, "groupId");
        rows = List.copyOf(rows);
    }

    /** One group of a trace; {@code group} may be null when the trace has only one. */
    public static ObservedRun fromTrace(Trace trace, String group) {
        String chosen = choose(trace.groupIds(), group, trace.source());
        List<InvocationRow> rows = trace.group(chosen).stream().map(row -> row.toInvocationRow("trace")).toList();
        return new ObservedRun(trace.source(), chosen, rows);
    }

    /**
     * One group of a run's {@code invocations} rows (from the results database); {@code group} may
     * be null when there is one.
     */
    public static ObservedRun fromRows(String source, List<InvocationRow> rows, String group) {
        Set<String> groups = new TreeSet<>();
        rows.forEach(row -> groups.add(String.valueOf(row.groupId())));
        String chosen = choose(groups, group, source);
        return new ObservedRun(source, chosen,
                rows.stream().filter(row -> chosen.equals(String.valueOf(row.groupId()))).toList());
    }

    /** One group of a run, simulated or loaded. */
    public static ObservedRun fromRun(RunData run, String group) {
        return fromRows("run " + run.run().runId(), run.invocations(), group);
    }

    /** Distinct events among the rows. */
    public long events() {
        Set<Long> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.id()));
        return ids.size();
    }

    /**
     * The run's target figures, {@code published} events having been published to it (the
     * scenario's {@code events.total}).
     *
     * @throws IllegalArgumentException when the rows cannot be the run the scenario describes
     */
    public TargetValues targetValues(long published) {
        if (rows.size() < 2) {
            throw new IllegalArgumentException(source + ", group " + groupId + ": " + rows.size()
                    + " row(s); a calibration needs at least 2 starts");
        }
        long events = events();
        if (events > published) {
            throw new IllegalArgumentException(source + ", group " + groupId + ": " + events
                    + " distinct event ids, more than the scenario publishes (events.total " + published
                    + "); the scenario must describe this run");
        }
        return TargetValues.of(rows, published);
    }

    private static String choose(Set<String> groups, String requested, String source) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(source + ": has no rows");
        }
        if (requested == null) {
            if (groups.size() > 1) {
                throw new IllegalArgumentException("--group: " + source + " has several groups ("
                        + String.join(", ", groups) + "); name one with --group");
            }
            return groups.iterator().next();
        }
        if (!groups.contains(requested)) {
            throw new IllegalArgumentException("--group: " + source + " has no rows for group " + requested
                    + "; its groups: " + String.join(", ", groups));
        }
        return requested;
    }
}
