package no.helsefellesskap.model.events;

import java.time.LocalDate;

/** An organisation as it is from {@code validFrom}: names, numbers and parents change over time. */
public record OrganisationChanged(String code, String kind, String name, @Nullable String orgnr, @Nullable String resh,
                                  @Nullable String kommunenummer, @Nullable String parent, @Nullable LocalDate validFrom,
                                  @Nullable LocalDate validTo) {
}
