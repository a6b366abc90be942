package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.UUID;

/** The spread record: an organisation declared, completed or abandoned the adoption of a model version. */
public record AdoptionChanged(UUID adoptionId, UUID modelId, int modelVersion, String adopterOrgnr,
                              @Nullable UUID learnedFromPilot, @Nullable UUID learnedFromEvaluation, String status,
                              @Nullable String reason, @Nullable String reasonText, Instant changedAt) {
}
