package no.helsefellesskap.runtime.tx;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The background-worker recipe on its own: no Quarkus, no database, no Kafka. */
class WorkerTest {

    static final Duration HOUR = Duration.ofHours(1);

    @Test
    void runsAtStartThenOnlyWhenWoken() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch two = new CountDownLatch(2);
        Worker w = Worker.start("test", HOUR, HOUR, () -> {
            rounds.incrementAndGet();
            two.countDown();
            return false;
        });
        try {
            Thread.sleep(300);
            assertEquals(1, rounds.get(), "one round at start, then it sleeps (the poll interval is an hour)");
            w.wake();
            assertTrue(two.await(5, TimeUnit.SECONDS), "a wake runs a round");
        } finally {
            w.stop(Duration.ofSeconds(1));
        }
        assertFalse(w.isRunning());
    }

    @Test
    void aRoundThatSaysMoreIsWaitingIsFollowedAtOnce() throws Exception {
        AtomicInteger left = new AtomicInteger(5);
        CountDownLatch done = new CountDownLatch(1);
        Worker w = Worker.start("test", HOUR, HOUR, () -> {
            boolean more = left.decrementAndGet() > 0;
            if (!more) {
                done.countDown();
            }
            return more;
        });
        try {
            assertTrue(done.await(5, TimeUnit.SECONDS), "five rounds without any wake");
        } finally {
            w.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRoundThatKnowsWhenWorkFallsDueIsFollowedThenNotAfterThePollInterval() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        Worker[] w = new Worker[1];
        w[0] = Worker.start("test", HOUR, HOUR, () -> {
            if (rounds.incrementAndGet() < 3) {
                // the first round may run before the field is set; the second sees it
                if (w[0] != null) {
                    w[0].nextRoundWithin(Duration.ofMillis(50));
                }
            }
            three.countDown();
            return false;
        });
        try {
            w[0].wake(); // the second round, in case the first ran before the field was set
            assertTrue(three.await(5, TimeUnit.SECONDS), "a round at the due time, not after the hour");
            Thread.sleep(300);
            assertEquals(3, rounds.get(), "the due time applies once: then the worker waits for the hour again");
        } finally {
            w[0].stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aFailingRoundIsRetriedWithAGrowingPauseUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch succeeded = new CountDownLatch(1);
        long started = System.nanoTime();
        Worker w = Worker.start("test", HOUR, Duration.ofSeconds(10), () -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new IllegalStateException("database restarting");
            }
            succeeded.countDown();
            return false;
        });
        try {
            assertTrue(succeeded.await(10, TimeUnit.SECONDS), "retried without any wake");
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertEquals(4, attempts.get());
            assertTrue(ms >= 200 + 400 + 800, "pauses of 200, 400 and 800 ms, took " + ms);
        } finally {
            w.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void stopEndsTheWorkerEvenWhileItWaits() {
        Worker w = Worker.start("test", HOUR, HOUR, () -> false);
        w.stop(Duration.ofSeconds(2));
        assertFalse(w.isRunning());
    }
}
