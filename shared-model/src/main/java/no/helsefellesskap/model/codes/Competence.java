package no.helsefellesskap.model.codes;

import java.util.List;

/** A competence a person can hold (by type and issuer); {@code closedBy} names the sign-off schemes that give it. */
public record Competence(String code, String nameNb, String nameEn, String type, String issuedBy, String recognisedBy,
                         Integer refreshIntervalMonths, List<String> closedBy, String source) {
}
