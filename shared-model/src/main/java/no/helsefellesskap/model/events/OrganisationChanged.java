package no.helsefellesskap.model.events;

import java.time.LocalDate;

/**
 * An organisation as it is from {@code validFrom} until {@code validTo} (exclusive; null = still): names, numbers and
 * parents change over time, and a municipality keeps its identity when only its kommunenummer changes (3029 to 3222
 * Lørenskog in 2024). {@code sandbox}: a test or probe organisation, whose records stay out of the programme's figures
 * and other organisations' feeds (null in older events: not a sandbox). {@code nameOther}: the official name in Sami or
 * Kven where there is one; {@code county}: the county (fylke) number. Both null in older events.
 */
public record OrganisationChanged(String code, String kind, String name, @Nullable String orgnr, @Nullable String resh,
                                  @Nullable String kommunenummer, @Nullable String parent, @Nullable LocalDate validFrom,
                                  @Nullable LocalDate validTo, @Nullable Boolean sandbox, @Nullable String nameOther,
                                  @Nullable String county) {

    public OrganisationChanged(String code, String kind, String name, String orgnr, String resh, String kommunenummer,
                               String parent, LocalDate validFrom, LocalDate validTo, Boolean sandbox) {
        this(code, kind, name, orgnr, resh, kommunenummer, parent, validFrom, validTo, sandbox, null, null);
    }

    /** A real organisation (not a sandbox). */
    public OrganisationChanged(String code, String kind, String name, String orgnr, String resh, String kommunenummer,
                               String parent, LocalDate validFrom, LocalDate validTo) {
        this(code, kind, name, orgnr, resh, kommunenummer, parent, validFrom, validTo, null, null, null);
    }
}
