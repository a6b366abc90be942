package no.helsefellesskap.model.events;

import java.util.List;

/** A competence as defined by the code list (payload of competence defined and changed). */
public record CompetenceDefinition(String code, String nameNb, String nameEn, String type, @Nullable String issuedBy,
                                   @Nullable String recognisedBy, @Nullable Integer refreshIntervalMonths,
                                   List<String> closedBySignOffSchemes, String codeListVersion) {
}
