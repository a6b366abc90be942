package no.helsefellesskap.model.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A pilot moved in its lifecycle (payload of started, completed, abandoned and status-changed). */
public record PilotStatusChanged(UUID pilotId, String ownerOrgnr, String from, String to, @Nullable LocalDate date,
                                 @Nullable String reason, @Nullable String reasonText, @Nullable String partnership,
                                 Instant changedAt, @Nullable String datePrecision, @Nullable String dateSource) {
}
