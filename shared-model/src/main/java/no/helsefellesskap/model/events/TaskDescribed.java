package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.UUID;

/** A task was added to the catalogue, with the personnel group that does it today. */
public record TaskDescribed(UUID taskId, String title, String performedByGroup, Instant describedAt) {
}
