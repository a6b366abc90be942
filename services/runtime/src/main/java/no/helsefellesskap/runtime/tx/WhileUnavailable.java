package no.helsefellesskap.runtime.tx;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/**
 * Runs work in its own transaction and, while the infrastructure is unavailable ({@link Transience}), again in a new
 * one after a growing pause (SmallRye Fault Tolerance): a good event is never dead-lettered because the database
 * restarted. Any other failure (poison, a bug) passes through at once to the caller's failure handling.
 */
@ApplicationScoped
public class WhileUnavailable {

    private static final Logger LOG = Logger.getLogger(WhileUnavailable.class);
    static final long FIRST_DELAY_MS = 200;
    static final long MAX_DELAY_MS = 10_000;

    /** Work that may throw; run in a transaction of its own. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final Guard guard = Guard.create().withDescription("while the infrastructure is unavailable")
            .withRetry().maxRetries(-1).maxDuration(0, ChronoUnit.MILLIS)
            .delay(FIRST_DELAY_MS, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
            .whenException(Transience::isTransient)
            .beforeRetry(e -> LOG.warnf("%s (%s); retrying", e instanceof NotYetApplicable
                    ? "waiting for an event of another topic" : "infrastructure unavailable", String.valueOf(e)))
            .withExponentialBackoff().factor(2).maxDelay(MAX_DELAY_MS, ChronoUnit.MILLIS).done()
            .done().build();

    /** Runs {@code work} in a new transaction, again in another while the infrastructure is unavailable. */
    public void run(Work work) {
        try {
            guard.call(() -> QuarkusTransaction.requiringNew().call(asCallable(work)), Void.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Callable<Void> asCallable(Work work) {
        return () -> {
            work.run();
            return null;
        };
    }
}
