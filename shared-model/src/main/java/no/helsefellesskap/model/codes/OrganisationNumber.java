package no.helsefellesskap.model.codes;

/**
 * Norwegian organisation number (organisasjonsnummer, Enhetsregisteret): 9 digits, the last a mod-11 check
 * digit over weights 3,2,7,6,5,4,3,2. Remainder 0 gives check digit 0; remainder 1 makes the number invalid.
 */
public final class OrganisationNumber {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganisationNumber() {
    }

    public static boolean isValid(String value) {
        // Enhetsregisteret issues no number starting with 0, although 000000000 passes the check digit
        if (value == null || value.length() != 9 || !value.chars().allMatch(Character::isDigit) || value.charAt(0) == '0') {
            return false;
        }
        Integer check = checkDigit(value.substring(0, 8));
        return check != null && check == value.charAt(8) - '0';
    }

    /** The check digit for 8 leading digits, or null when no valid number can start with them. */
    public static Integer checkDigit(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (first8.charAt(i) - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        if (remainder == 0) {
            return 0;
        }
        if (remainder == 1) {
            return null;
        }
        return 11 - remainder;
    }
}
