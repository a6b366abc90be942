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
                              @Nullable UUID derivedFromPilot, @Nullable List<String> sources,
                              @Nullable String contactMailbox) {

    /** Without sources or contact (a pilot entered as it happens, or an event from before they were carried). */
    public PilotRegistered(UUID pilotId, String title, String ownerOrgnr, String status, Instant registeredAt,
                           UUID modelId, Integer modelVersion, List<UUID> taskIds, List<String> fromGroups,
                           List<String> toGroups, String partnership, List<String> priorityGroups, List<String> settings,
                           List<String> partnerOrgnrs, LocalDate plannedStart, LocalDate plannedEnd, UUID derivedFromPilot) {
        this(pilotId, title, ownerOrgnr, status, registeredAt, modelId, modelVersion, taskIds, fromGroups, toGroups,
                partnership, priorityGroups, settings, partnerOrgnrs, plannedStart, plannedEnd, derivedFromPilot, null, null);
    }
}
