package io.streamlimit.cli;

import java.io.PrintWriter;

/**
 * Says in one line what Ctrl-C (the JVM shutting down) cost, if it comes while a command works:
 * a JVM shutdown hook that knows how far the command got. Closing it (the command finished)
 * removes the hook.
 */
final class InterruptNotice implements AutoCloseable {

    private static volatile boolean interrupted;

    private final Thread hook;
    private volatile String lost;

    /** @param lost what an interruption now would lose, e.g. "run X was interrupted and not saved" */
    InterruptNotice(PrintWriter err, String lost) {
        this.lost = lost;
        this.hook = new Thread(() -> {
            interrupted = true;
            err.println();
            err.println("interrupted: " + this.lost);
            err.flush();
        }, "streamlimit-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once a notice has told the user: what fails after it (services refusing to start during shutdown) is no news. */
    static boolean interrupted() {
        return interrupted;
    }

    /** What an interruption from now on would lose. */
    void now(String lost) {
        this.lost = lost;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and says what was lost
        }
    }
}
