package no.helsefellesskap.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds person identifiers in text that leaves a service (event payloads, headers, feeds): an 11-digit number
 * (the form of a Norwegian national id, fødselsnummer or D-number), or a field that names a person or an HPR number.
 * Competence is shared per role and as counts, so none of these should ever appear.
 */
public final class PersonalDataGuard {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<![0-9A-Za-z])[0-9]{11}(?![0-9A-Za-z])");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PERSONAL_FIELD = Pattern.compile(
            "\"(firstName|lastName|fullName|givenName|familyName|surname|personName|employeeName|patientName"
                    + "|hpr|hprNumber|hprNr|hprNummer|hpr_number|fnr|fodselsnummer|fødselsnummer|personnummer"
                    + "|nationalId|nationalIdentityNumber|ssn|dNumber)\"\\s*:",
            Pattern.CASE_INSENSITIVE);

    private PersonalDataGuard() {
    }

    /** What looks like personal data in {@code text}; empty when clean. */
    public static List<String> findings(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        // ids of records are UUIDs, whose digit runs are not national ids
        Matcher m = ELEVEN_DIGITS.matcher(UUID.matcher(text).replaceAll("uuid"));
        while (m.find()) {
            found.add("11-digit number " + m.group() + " (national id form)");
        }
        Matcher f = PERSONAL_FIELD.matcher(text);
        while (f.find()) {
            found.add("person field \"" + f.group(1) + "\"");
        }
        return found;
    }
}
