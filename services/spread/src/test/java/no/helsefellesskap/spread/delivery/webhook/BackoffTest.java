package no.helsefellesskap.spread.delivery.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), 0);
        assertEquals(Duration.ofSeconds(1), b.delay(1, 0.7));
        assertEquals(Duration.ofSeconds(2), b.delay(2, 0.7));
        assertEquals(Duration.ofSeconds(1024), b.delay(11, 0));
        assertEquals(Duration.ofHours(1), b.delay(13, 0));
        // far past any shift of a long: still the cap, never a negative or zero wait
        for (int attempt : new int[] {31, 63, 64, 65, 1000, Integer.MAX_VALUE}) {
            assertEquals(Duration.ofHours(1), b.delay(attempt, 0), "attempt " + attempt);
        }
    }

    @Test
    void jitterSpreadsEachDelayWithinItsBand() {
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), 0.2);
        assertEquals(Duration.ofSeconds(8), b.delay(1, -1));
        assertEquals(Duration.ofSeconds(12), b.delay(1, 1));
        for (double r = -1; r < 1; r += 0.125) {
            long ms = b.delay(3, r).toMillis();
            assertTrue(ms >= 32_000 && ms <= 48_000, r + ": " + ms);
        }
        assertTrue(new Backoff(Duration.ZERO, Duration.ZERO, 0.5).delay(1, -1).toMillis() >= 1, "at least 1 ms");
    }
}
