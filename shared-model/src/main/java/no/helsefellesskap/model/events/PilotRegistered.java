package no.helsefellesskap.model.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hospital trust or municipality registered a pilot (status PLANNED), with its structured case: sites, staffing,
 * funding, the preconditions checklist, the forsvarlighet (professional soundness) assessment, the baseline plan and
 * what it adapted (each null in events written before they were carried). Role-level only: no person is named.
 */
public record PilotRegistered(UUID pilotId, String title, String ownerOrgnr, String status, Instant registeredAt,
                              @Nullable UUID modelId, @Nullable Integer modelVersion, List<UUID> taskIds,
                              List<String> fromGroups, List<String> toGroups, @Nullable String partnership,
                              List<String> priorityGroups, List<String> settings, List<String> partnerOrgnrs,
                              @Nullable LocalDate plannedStart, @Nullable LocalDate plannedEnd,
                              @Nullable UUID derivedFromPilot, @Nullable List<String> sources,
                              @Nullable String contactMailbox, @Nullable List<String> sites,
                              @Nullable List<Staffing> staffing, @Nullable List<Funding> funding,
                              @Nullable List<Precondition> preconditions, @Nullable String forsvarlighetAssessment,
                              @Nullable String baselinePlan, @Nullable List<Adaptation> adaptations) {

    /** How many of a personnel group the pilot staffs (a count, never names). */
    public record Staffing(String group, @Nullable Integer headcount) {
    }

    public record Funding(String source, @Nullable Long amountNok) {
    }

    /** One item of the preconditions checklist and its status. */
    public record Precondition(String item, String status, @Nullable String note) {
    }

    /** What the pilot changed from its model or earlier pilot, and why. */
    public record Adaptation(String what, String why) {
    }

    /** Without sources or contact (a pilot entered as it happens, or an event from before they were carried). */
    public PilotRegistered(UUID pilotId, String title, String ownerOrgnr, String status, Instant registeredAt,
                           UUID modelId, Integer modelVersion, List<UUID> taskIds, List<String> fromGroups,
                           List<String> toGroups, String partnership, List<String> priorityGroups, List<String> settings,
                           List<String> partnerOrgnrs, LocalDate plannedStart, LocalDate plannedEnd, UUID derivedFromPilot) {
        this(pilotId, title, ownerOrgnr, status, registeredAt, modelId, modelVersion, taskIds, fromGroups, toGroups,
                partnership, priorityGroups, settings, partnerOrgnrs, plannedStart, plannedEnd, derivedFromPilot, null, null, null,
                null, null, null, null, null, null);
    }
}
