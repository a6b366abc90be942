package no.helsefellesskap.model.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A pilot completed more than the configured number of months ago still has no published evaluation. */
public record PilotEvaluationOverdue(UUID pilotId, String ownerOrgnr, LocalDate completedOn, int overdueAfterMonths,
                                     Instant detectedAt) {
}
