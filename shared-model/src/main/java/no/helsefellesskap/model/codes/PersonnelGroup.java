package no.helsefellesskap.model.codes;

/**
 * A personnel group (yrkesgruppe) as reference data. {@code hprCategory} is the code of Volven code list 9060
 * "Kategori helsepersonell" for authorised groups and null for groups without authorisation;
 * {@code isco08} is the ISCO-08/STYRK-08 unit group where a source gives it, else null (unknown).
 */
public record PersonnelGroup(String code, String nameNb, String nameEn, String hprCategory, boolean authorised,
                             String isco08, String source) {
}
