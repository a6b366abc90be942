package no.helsefellesskap.spread.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A municipality's or hospital trust's standing order for outcome events matching its filters, delivered to a
 * webhook (optional) and readable as an SSE stream and a feed. ACTIVE or PAUSED (by its owner or after failing).
 * {@code evaluationError} says why it was last skipped in the fan-out (its filters could not be evaluated); saving it
 * again clears it.
 */
public record Subscription(UUID id, String ownerOrgnr, String name, SubscriptionFilters filters, String webhookUrl,
                           String status, String pausedReason, Instant pausedAt, Instant createdAt, Instant updatedAt,
                           String evaluationError, Instant evaluationErrorAt) {
}
