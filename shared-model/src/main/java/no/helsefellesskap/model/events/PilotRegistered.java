package no.helsefellesskap.model.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A hospital trust or municipality registered a pilot (status PLANNED). */
public record PilotRegistered(UUID pilotId, String title, String ownerOrgnr, String status, Instant registeredAt,
                              @Nullable UUID modelId, @Nullable Integer modelVersion, List<UUID> taskIds,
                              List<String> fromGroups, List<String> toGroups, @Nullable String partnership,
                              List<String> priorityGroups, List<String> settings, List<String> partnerOrgnrs,
                              @Nullable LocalDate plannedStart, @Nullable LocalDate plannedEnd,
                              @Nullable UUID derivedFromPilot) {
}
