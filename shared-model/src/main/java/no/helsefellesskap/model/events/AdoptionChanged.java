package no.helsefellesskap.model.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The spread record: an organisation declared, completed or abandoned the adoption of a model version.
 * {@code changedAt} is when it was recorded here; {@code occurredOn} when it happened, at {@code datePrecision} (DAY,
 * MONTH or YEAR; the first day of the month or year), with the {@code dateSource} that says so (null in older events).
 */
public record AdoptionChanged(UUID adoptionId, UUID modelId, int modelVersion, String adopterOrgnr,
                              @Nullable UUID learnedFromPilot, @Nullable UUID learnedFromEvaluation, String status,
                              @Nullable String reason, @Nullable String reasonText, Instant changedAt,
                              @Nullable LocalDate occurredOn, @Nullable String datePrecision, @Nullable String dateSource) {
}
