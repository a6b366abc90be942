package no.helsefellesskap.model.events;

import java.time.LocalDate;

/**
 * An organisation as it is from {@code validFrom}: names, numbers and parents change over time. {@code sandbox}: a
 * test or probe organisation, whose records stay out of the programme's figures and other organisations' feeds
 * (null in older events: not a sandbox).
 */
public record OrganisationChanged(String code, String kind, String name, @Nullable String orgnr, @Nullable String resh,
                                  @Nullable String kommunenummer, @Nullable String parent, @Nullable LocalDate validFrom,
                                  @Nullable LocalDate validTo, @Nullable Boolean sandbox) {

    /** A real organisation (not a sandbox). */
    public OrganisationChanged(String code, String kind, String name, String orgnr, String resh, String kommunenummer,
                               String parent, LocalDate validFrom, LocalDate validTo) {
        this(code, kind, name, orgnr, resh, kommunenummer, parent, validFrom, validTo, null);
    }
}
