package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.UUID;

/** A model version moved in its lifecycle (PROPOSED, ASSESSED, IN_PILOT, EVALUATED, PROVEN, SPREADING, REJECTED). */
public record ModelLifecycleChanged(UUID modelId, int version, String from, String to, String reason,
                                    @Nullable String causedByEventId, Instant changedAt) {
}
