package no.helsefellesskap.spread.delivery.webhook;

import java.time.Duration;

/**
 * How long a failed delivery waits before its next attempt: initial × 2^(attempt-1), capped at {@code max}, then
 * spread by ± {@code jitter} (a fraction) so that receivers coming back are not hit by every sender at once.
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    /** @param random a number in [-1, 1) that picks where in the jitter band this delay falls */
    public Duration delay(int attempt, double random) {
        long base = initial.toMillis();
        long cap = max.toMillis();
        long doubled = attempt >= 31 ? cap : base << Math.max(0, attempt - 1);
        long delay = doubled < 0 ? cap : Math.min(cap, doubled);
        double factor = 1 + jitter * random;
        return Duration.ofMillis(Math.max(1, (long) (delay * factor)));
    }
}
