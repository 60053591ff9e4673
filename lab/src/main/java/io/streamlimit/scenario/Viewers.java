package io.streamlimit.scenario;

/**
 * Which viewer (uid) sends each event of a scenario, the same in every engine: events come in
 * groups of three (open A, open B, close A), and group {@code g} belongs to viewer
 * {@code g mod users}. On the FIFO pipeline the viewer is the message group.
 */
public final class Viewers {

    /** Events per group of one viewer's opens and close. */
    public static final int EVENTS_PER_GROUP = 3;

    private Viewers() {
    }

    /** The viewer index (0 to {@code users - 1}) of the event published {@code seq}-th. */
    public static int of(long seq, int users) {
        if (seq < 0 || users < 1) {
            throw new IllegalArgumentException("seq must be 0 or more and users 1 or more, got " + seq + ", " + users);
        }
        return (int) ((seq / EVENTS_PER_GROUP) % users);
    }

    /** The uid of viewer {@code index}, as the events carry it. */
    public static String uid(int index) {
        return "viewer-" + index;
    }
}
