package no.helsefellesskap.model.events;

import java.time.LocalDate;

/** A member of a health partnership for a period (null dates: open). */
public record PartnershipMember(String organisation, String role, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
}
