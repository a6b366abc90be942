package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.UUID;

/** A partner organisation confirmed or declined its own participation in a pilot. */
public record PartnerAnswered(UUID pilotId, String partnerOrgnr, String answer, @Nullable String comment,
                              Instant answeredAt) {
}
