package io.streamlimit.consumer;

import io.streamlimit.event.StreamEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downstream of the AWS experiments: one {@code invocations} row per event in the results
 * database, then, like the original consumer, it waits out {@code callDuration} from the start
 * of the invocation so that one instance stays under its request rate. It never refuses an event;
 * if the database is unreachable every event is refused so the pipeline retries it.
 */
public final class ResultsTableDownstream implements Downstream {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsTableDownstream.class);
    static final String INSERT = "insert into invocations"
            + " (run_id, id, sent_at, started_at, completed_at, group_id, batch_id, cache_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final LazyResultsConnection results;
    private final String groupId;
    private final Duration callDuration;
    private final Clock clock;

    public ResultsTableDownstream(String jdbcUrl, String groupId, Duration callDuration, Clock clock) {
        this(ResultsConnection.of(jdbcUrl), groupId, callDuration, clock);
    }

    /**
     * @param callDuration how long each invocation lasts at least, from its start: the downstream
     *     call the original experiments waited out (DOWNSTREAM_CALL_MILLIS)
     */
    public ResultsTableDownstream(ResultsConnection results, String groupId, Duration callDuration, Clock clock) {
        this(LazyResultsConnection.of(results), groupId, callDuration, clock);
    }

    /** @param results found on first use (from a secret), so that the function's init never needs it */
    public ResultsTableDownstream(LazyResultsConnection results, String groupId, Duration callDuration, Clock clock) {
        this.results = Objects.requireNonNull(results, "results");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.callDuration = Objects.requireNonNull(callDuration, "callDuration");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<StreamEvent> callAll(List<StreamEvent> events, InvocationInfo invocation) {
        try {
            insert(events, invocation);
        } catch (SQLException | RuntimeException e) {
            // The ledger has applied these events already; it is idempotent per uid and stream,
            // so their redelivery changes nothing there and writes the rows then.
            LOG.error("results insert failed for batch {}; {} events refused: {}", invocation.batchId(),
                    events.size(), e.getMessage());
            return events;
        }
        waitOutCall(invocation.startedAt());
        return List.of();
    }

    private void insert(List<StreamEvent> events, InvocationInfo invocation) throws SQLException {
        // One connection per invocation: an environment runs one invocation at a time, and a
        // cached connection would have to survive Lambda's freezes between invocations.
        try (Connection connection = results.get().connect();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Instant completedAt = clock.instant();
            for (StreamEvent event : events) {
                insert.setString(1, event.runId());
                if (event.seq() != null && event.seq() <= Integer.MAX_VALUE) {
                    insert.setInt(2, event.seq().intValue());
                } else {
                    insert.setNull(2, Types.INTEGER);
                }
                setInstant(insert, 3, event.at());
                setInstant(insert, 4, invocation.startedAt());
                setInstant(insert, 5, completedAt);
                insert.setString(6, groupId);
                insert.setString(7, invocation.batchId());
                insert.setString(8, invocation.cacheId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    private void waitOutCall(Instant startedAt) {
        long remaining = startedAt.plus(callDuration).toEpochMilli() - clock.millis();
        if (remaining <= 0) {
            return;
        }
        try {
            Thread.sleep(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long each invocation lasts at least, from its start. */
    public Duration callDuration() {
        return callDuration;
    }

    /** The connection, found now if it was not yet. */
    public ResultsConnection results() {
        return results.get();
    }
}
