package io.streamlimit.local.lambda;

/** How one invoke ended, as the caller (an event source mapping or the async queue) sees it. */
public sealed interface InvokeResult<O> {

    /** The handler returned. */
    record Success<O>(O output) implements InvokeResult<O> {
    }

    /** The handler threw: a function error. */
    record FunctionError<O>(Throwable error) implements InvokeResult<O> {
    }

    /** The handler ran past the function timeout and was stopped. */
    record TimedOut<O>() implements InvokeResult<O> {
    }

    /** No concurrency was free: the handler did not run (TooManyRequestsException in AWS). */
    record Throttled<O>() implements InvokeResult<O> {
    }
}
