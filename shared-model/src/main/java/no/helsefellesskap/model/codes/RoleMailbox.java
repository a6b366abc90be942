package no.helsefellesskap.model.codes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contact that is a role mailbox (funksjonsadresse, such as {@code postmottak@ahus.no}), never a person: records and
 * feeds carry no personal data. An address whose local part has the shape of a person's work address in Norwegian
 * health services ({@code given.family}, {@code given.middle.family}) is refused; so is anything that is not a plain
 * address (no display name, no quoting, one {@code @}, a domain with a dot), or longer than RFC 5321 allows.
 */
public final class RoleMailbox {

    /** RFC 5321: 64 octets for the local part, 254 for a usable address. */
    static final int MAX_LOCAL = 64;
    static final int MAX_ADDRESS = 254;

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?");
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern PERSON_SHAPE = Pattern.compile("\\p{L}{2,}(?:\\.\\p{L}{1,2})?(?:\\.\\p{L}{2,}){1,2}");

    private RoleMailbox() {
    }

    /** The address as stored: trimmed and in lower case (addresses are compared case-insensitively in practice). */
    public static String normal(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }

    /** Why {@code address} is not accepted as a role mailbox, or empty when it is. */
    public static Optional<String> problem(String address) {
        String a = normal(address);
        if (a == null || a.isEmpty()) {
            return Optional.of("must be an e-mail address");
        }
        int at = a.indexOf('@');
        if (at <= 0 || at != a.lastIndexOf('@') || a.length() > MAX_ADDRESS) {
            return Optional.of("must be one plain e-mail address of at most " + MAX_ADDRESS + " characters, such as postmottak@ahus.no");
        }
        String local = a.substring(0, at);
        String domain = a.substring(at + 1);
        if (local.length() > MAX_LOCAL || !LOCAL.matcher(local).matches() || local.contains("..")
                || !DOMAIN.matcher(domain).matches()) {
            return Optional.of("must be one plain e-mail address (letters a-z, digits, '.', '_', '+', '-'), such as postmottak@ahus.no");
        }
        if (PERSON_SHAPE.matcher(local).matches()) {
            return Optional.of("looks like a person's address (given.family); give a role mailbox (funksjonsadresse) "
                    + "such as postmottak@" + domain + ": records and feeds carry no personal data");
        }
        return Optional.empty();
    }
}
