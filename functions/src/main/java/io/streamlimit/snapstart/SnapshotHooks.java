package io.streamlimit.snapstart;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function's environment (its SDK clients, connections and ids) around a Lambda SnapStart
 * snapshot, through the CRaC runtime hooks Lambda calls
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html). Built at
 * init; {@code beforeCheckpoint} primes it with work that is safe to freeze (class loading, a
 * warm-up that calls no service and reads no secret); {@code afterRestore} builds it again, so
 * every restored environment has clients of its own, credentials resolved after the restore and
 * ids no other copy of the snapshot shares, then closes the one the snapshot held. Lambda allows
 * the restore hook 10 s (snapstart-runtime-hooks-java.html); building clients takes milliseconds.
 *
 * <p>Without SnapStart neither hook runs and the environment is the one built at init.
 */
public final class SnapshotHooks<T extends AutoCloseable> implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotHooks.class);

    private final Supplier<T> build;
    private final Consumer<? super T> prime;
    private volatile T current;

    /** Builds the environment now (the init). */
    public SnapshotHooks(Supplier<T> build, Consumer<? super T> prime) {
        this.build = Objects.requireNonNull(build, "build");
        this.prime = Objects.requireNonNull(prime, "prime");
        this.current = Objects.requireNonNull(build.get(), "built environment");
    }

    /**
     * Hooks registered with the global CRaC context. The context holds its resources weakly: the
     * caller (the handler, which the runtime keeps) must keep the returned hooks.
     */
    public static <T extends AutoCloseable> SnapshotHooks<T> registered(Supplier<T> build, Consumer<? super T> prime) {
        SnapshotHooks<T> hooks = new SnapshotHooks<>(build, prime);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    /** The environment to serve the next invocation with. */
    public T current() {
        return current;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime.accept(current);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        T snapshotted = current;
        current = Objects.requireNonNull(build.get(), "built environment");
        try {
            snapshotted.close();
        } catch (Exception e) {
            // Its connections were frozen with the snapshot: failing to close them costs nothing.
            LOG.warn("closing the snapshot's environment failed: {}", e.toString());
        }
    }
}
