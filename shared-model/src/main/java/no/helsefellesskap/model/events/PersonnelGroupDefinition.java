package no.helsefellesskap.model.events;

import java.util.List;

/**
 * A personnel group as defined by the code list (payload of personnel-group defined and changed). {@code kind},
 * {@code authorisation}, {@code restsOn} and {@code styrk08} are null in events from before they were recorded.
 */
public record PersonnelGroupDefinition(String code, String nameNb, String nameEn, @Nullable String hprCategory,
                                       boolean authorised, @Nullable String isco08, @Nullable String escoUri,
                                       String educationRoute, List<String> alsoAuthorisedAs, String codeListVersion,
                                       @Nullable String kind, @Nullable String authorisation,
                                       @Nullable List<String> restsOn, @Nullable String styrk08) {
}
