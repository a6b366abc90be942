package no.helsefellesskap.model.codes;

/**
 * Kommunenummer (municipality number): 4 digits with a leading zero kept, the first two the county
 * (e.g. 0301 Oslo). Numbers change with reforms (2020, 2024), so existence is checked against a dated
 * code list, not here; this checks the form only.
 */
public final class Kommunenummer {

    private Kommunenummer() {
    }

    public static boolean isValidFormat(String value) {
        return value != null && value.length() == 4 && value.chars().allMatch(Character::isDigit)
                && !value.startsWith("00");
    }
}
