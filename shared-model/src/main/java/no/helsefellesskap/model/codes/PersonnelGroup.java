package no.helsefellesskap.model.codes;

import java.util.List;

/**
 * A personnel group (yrkesgruppe) as reference data. {@code hprCategory} is the code of Volven code list 9060
 * "Kategori helsepersonell" where a source gives it, else null; {@code isco08} and {@code escoUri} likewise.
 * {@code alsoAuthorisedAs} records double authorisation (a midwife is also a nurse).
 */
public record PersonnelGroup(String code, String nameNb, String nameEn, String hprCategory, boolean authorised,
                             String isco08, String escoUri, String educationRoute, List<String> alsoAuthorisedAs,
                             String source) {

    /** Groups whose education route is a university or university college degree. */
    public boolean universityEducated() {
        return "UNIVERSITY".equals(educationRoute);
    }
}
