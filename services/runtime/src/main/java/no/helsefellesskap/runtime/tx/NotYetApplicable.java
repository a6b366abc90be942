package no.helsefellesskap.runtime.tx;

/**
 * An event that needs another event, from another topic, that has not arrived yet (topics are consumed side by side,
 * so an evaluation may overtake its pilot). Like an outage it is passing: the work is retried after a pause
 * ({@link WhileUnavailable}), never dead-lettered. Whoever throws it bounds the wait.
 */
public class NotYetApplicable extends RuntimeException {

    public NotYetApplicable(String message) {
        super(message, null, false, false);
    }
}
