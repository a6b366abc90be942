package no.helsefellesskap.spread.delivery.webhook;

import java.util.UUID;

/** A subscription's deliveries were queued or made due again; the dispatcher wakes once the transaction commits. */
public record DeliveriesQueued(UUID subscription) {
}
