package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The six-step assessment of a task was recorded (NOU 2023:4 R1): volume, responsibility, competence, performers. */
public record TaskAssessed(UUID taskId, @Nullable Double volumeAmount, @Nullable String volumeUnit,
                           String requiresFormalHealthCompetence, List<String> requiredCompetences,
                           List<String> candidateGroups, List<String> sharingDirections, @Nullable String riskLevel,
                           Instant assessedAt) {
}
