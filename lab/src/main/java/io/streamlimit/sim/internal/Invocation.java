package io.streamlimit.sim.internal;

/**
 * One handler invocation: its batch, the environment it runs on and, once it ends, which records
 * succeeded. It is its own timer for its start (after a cold start) and its end.
 */
final class Invocation implements Scheduler.Action {

    static final long START = 0;
    static final long END = 1;

    final LambdaFunction function;
    final LambdaFunction.Caller caller;
    final int[] ids;
    final Environment environment;
    final String batchId;
    final boolean[] succeeded;
    long startedAt;
    long durationMillis;
    boolean timedOut;

    Invocation(LambdaFunction function, LambdaFunction.Caller caller, int[] ids, Environment environment,
               String batchId) {
        this.function = function;
        this.caller = caller;
        this.ids = ids;
        this.environment = environment;
        this.batchId = batchId;
        this.succeeded = new boolean[ids.length];
    }

    @Override
    public void fire(long tag) {
        if (tag == START) {
            function.start(this);
        } else {
            function.end(this);
        }
    }
}
