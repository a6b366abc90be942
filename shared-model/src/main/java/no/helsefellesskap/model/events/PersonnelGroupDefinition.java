package no.helsefellesskap.model.events;

import java.util.List;

/** A personnel group as defined by the code list (payload of personnel-group defined and changed). */
public record PersonnelGroupDefinition(String code, String nameNb, String nameEn, @Nullable String hprCategory,
                                       boolean authorised, @Nullable String isco08, @Nullable String escoUri,
                                       String educationRoute, List<String> alsoAuthorisedAs, String codeListVersion) {
}
