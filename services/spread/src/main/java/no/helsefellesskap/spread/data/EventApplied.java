package no.helsefellesskap.spread.data;

import no.helsefellesskap.runtime.messaging.IncomingEvent;

/**
 * An event has reached the read models for the first time, in the transaction that applied it. Fired by projection,
 * observed by delivery, which puts feed events in the feed in the same transaction: neither imports the other.
 */
public record EventApplied(IncomingEvent event) {
}
