package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A version of a task-sharing model (payload of model published and model versioned). Versions are immutable. */
public record ModelPublished(UUID modelId, int version, @Nullable Integer previousVersion, String name,
                             String modelType, List<UUID> taskIds, List<String> fromGroups, List<String> toGroups,
                             List<CompetenceRequirement> requiredCompetences, @Nullable String signOffScheme,
                             String evidenceLevel, String lifecycle, String publishedByOrgnr, Instant publishedAt) {
}
