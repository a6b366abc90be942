package no.helsefellesskap.runtime.messaging;

/** A record no retry can fix (bad headers, unreadable payload). The consumer's failure strategy dead-letters it. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
