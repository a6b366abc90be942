package no.helsefellesskap.runtime.messaging;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import no.helsefellesskap.runtime.tx.Transience;
import org.jboss.logging.Logger;

/** Runs outside {@code @Transactional} (lower priority number), so every attempt gets a fresh transaction. */
@RetryWhileUnavailable
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryWhileUnavailableInterceptor {

    private static final Logger LOG = Logger.getLogger(RetryWhileUnavailableInterceptor.class);
    static final long FIRST_DELAY_MS = 200;
    static final long MAX_DELAY_MS = 10_000;

    @AroundInvoke
    Object retry(InvocationContext ctx) throws Exception {
        long delay = FIRST_DELAY_MS;
        int attempt = 1;
        while (true) {
            try {
                return ctx.proceed();
            } catch (Exception e) {
                if (!Transience.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("%s: infrastructure unavailable (attempt %d: %s); retrying in %d ms",
                        ctx.getMethod().getDeclaringClass().getSimpleName(), attempt++, e, delay);
                Thread.sleep(delay);
                delay = Math.min(delay * 2, MAX_DELAY_MS);
            }
        }
    }
}
