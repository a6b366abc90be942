package no.helsefellesskap.runtime.outbox;

/** An event was written to the outbox; the relay wakes once the transaction has committed (on rollback, never). */
public record OutboxRecorded() {
}
