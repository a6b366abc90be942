package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.UUID;

/** A hospital trust or municipality registered a pilot (status PLANNED). */
public record PilotRegistered(UUID pilotId, String title, String ownerOrgnr, String status, Instant registeredAt) {
}
