package io.streamlimit.consumer;

/**
 * What a consumer batch needs before it touches the ledger: today, that the results database is
 * known. Checked per batch rather than at init, so a missing secret fails batches (which the
 * pipeline retries, then dead-letters) instead of the function's init and the deploy.
 */
@FunctionalInterface
public interface ConsumerReadiness {

    ConsumerReadiness READY = () -> { };

    /** @throws RuntimeException whose message names what is missing (the variable and the secret) */
    void check();
}
