package no.helsefellesskap.model.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An aggregate count of staff in one organisation unit and personnel group holding a competence.
 * Never a person: no name, national id or HPR number exists in this contract. {@code countedOnPrecision}: how
 * exactly {@code countedOn} is known (DAY, MONTH, YEAR; null in older events: DAY).
 */
public record CompetenceProfileRecorded(UUID profileId, String orgnr, String organisationUnit,
                                        String personnelGroup, String competence, int headcount,
                                        LocalDate countedOn, @Nullable String countedOnPrecision) {
}
