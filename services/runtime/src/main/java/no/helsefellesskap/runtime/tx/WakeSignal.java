package no.helsefellesskap.runtime.tx;

import java.time.Duration;

/** Lets a worker loop sleep until woken (after a commit) or until its poll interval passes, whichever is first. */
public final class WakeSignal {

    private boolean woken;

    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** @return false when the thread was interrupted */
    public synchronized boolean await(Duration timeout) {
        if (!woken) {
            try {
                wait(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        woken = false;
        return true;
    }
}
