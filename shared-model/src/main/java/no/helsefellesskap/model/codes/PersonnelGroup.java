package no.helsefellesskap.model.codes;

import java.util.List;

/**
 * A personnel group (yrkesgruppe) as reference data. {@code kind}: HPR_CATEGORY, a category of Volven code list 9060
 * "Kategori helsepersonell" (its code in {@code hprCategory}), or SUITE_GROUP, a group of the suite's own that rests on
 * the categories in {@code restsOn} (a specialist nurse on SP). {@code authorisation}: HPL_48 (helsepersonelloven
 * § 48), ANIMAL_HEALTH, NONE, or null when unknown; {@code authorised} is HPL_48. {@code isco08}, {@code styrk08} and
 * {@code escoUri} where a source gives them, else null. {@code alsoAuthorisedAs} records double authorisation (a midwife
 * is also a nurse).
 */
public record PersonnelGroup(String code, String nameNb, String nameEn, String kind, String hprCategory,
                             String authorisation, List<String> restsOn, String isco08, String styrk08, String escoUri,
                             String educationRoute, List<String> alsoAuthorisedAs, String source) {

    public static final String HPR_CATEGORY = "HPR_CATEGORY";
    public static final String SUITE_GROUP = "SUITE_GROUP";
    public static final String HPL_48 = "HPL_48";

    /** Authorised health personnel under helsepersonelloven § 48. */
    public boolean authorised() {
        return HPL_48.equals(authorisation);
    }

    /** Groups whose education route is a university or university college degree. */
    public boolean universityEducated() {
        return "UNIVERSITY".equals(educationRoute);
    }
}
