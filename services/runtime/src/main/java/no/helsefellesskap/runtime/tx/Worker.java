package no.helsefellesskap.runtime.tx;

import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The one background-worker recipe (outbox relay, webhook dispatch, SSE fan-out): a thread of its own that runs
 * rounds of work, at once again while a round says more is waiting, otherwise after a {@link #wake} (sent after the
 * commit that made work) or when the poll interval has passed, whichever is first. A failed round is logged once per
 * streak and retried after a pause that doubles up to {@code maxBackoff}. A dedicated thread, not a pooled one: the
 * worker runs for the life of the service and must never wait behind request work.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    /** A due time already past never makes the worker spin. */
    static final long MIN_WAIT_MILLIS = 20;

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        /** @return true when more work is waiting and the next round should follow at once */
        boolean run() throws Exception;
    }

    private final String name;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Round round;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean woken;
    private boolean firstRoundLater;
    private long nextRoundWithinMillis = -1;

    private Worker(String name, Duration pollInterval, Duration maxBackoff, Round round) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.round = round;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    /** Starts a worker that runs its first round at once. */
    public static Worker start(String name, Duration pollInterval, Duration maxBackoff, Round round) {
        Worker w = new Worker(name, pollInterval, maxBackoff, round);
        w.thread.start();
        return w;
    }

    /** Starts a worker whose first round comes after the poll interval (or a wake): work that can wait for the start. */
    public static Worker startLater(String name, Duration pollInterval, Duration maxBackoff, Round round) {
        Worker w = new Worker(name, pollInterval, maxBackoff, round);
        w.firstRoundLater = true;
        w.thread.start();
        return w;
    }

    /** Asks for a round soon; cheap and never blocks. */
    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /**
     * Called by a round that knows when its next work falls due: the next round comes then, if sooner than the poll
     * interval (a wake still comes first). Applies to the wait after this round only.
     */
    public void nextRoundWithin(Duration d) {
        nextRoundWithinMillis = Math.max(MIN_WAIT_MILLIS, d.toMillis());
    }

    /** Stops after the current round, waiting for it at most {@code wait}. */
    public void stop(Duration wait) {
        running = false;
        thread.interrupt();
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    private void loop() {
        if (firstRoundLater && !awaitWake()) {
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        boolean failing = false;
        while (running) {
            boolean again;
            try {
                again = round.run();
                if (failing) {
                    LOG.infof("%s: working again", name);
                }
                failing = false;
                backoff = FIRST_BACKOFF;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf("%s: a round failed and is retried until it succeeds: %s", name, e.toString());
                }
                failing = true;
                if (!pause(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                continue;
            }
            if (!again && !awaitWake()) {
                return;
            }
        }
    }

    private synchronized boolean awaitWake() {
        try {
            long waitMillis = pollInterval.toMillis();
            if (nextRoundWithinMillis > 0 && nextRoundWithinMillis < waitMillis) {
                waitMillis = nextRoundWithinMillis;
            }
            nextRoundWithinMillis = -1;
            if (!woken) {
                wait(waitMillis);
            }
            woken = false;
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
