package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task entered the catalogue, with who does it today. */
public record TaskRegistered(UUID taskId, String nameNb, @Nullable String nameEn, String category,
                             List<String> settings, List<String> currentPerformerGroups, boolean reserved,
                             List<String> reservedFor, String registeredByOrgnr, Instant registeredAt) {
}
