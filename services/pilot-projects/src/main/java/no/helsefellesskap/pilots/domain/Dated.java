package no.helsefellesskap.pilots.domain;

import no.helsefellesskap.model.codes.DatePrecision;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.runtime.validation.CodeCheck;

import java.time.LocalDate;

/**
 * When something happened to a pilot or an adoption, as exactly as its source gives it (DAY, MONTH or YEAR), and the
 * source that says so; a null date is unknown.
 */
public record Dated(LocalDate date, String precision, String source) {

    /** Checked (422 naming datePrecision) and normalised: a month or year is stored as its first day. */
    public Dated checked(CodeCheck codes) {
        codes.errors().term(Vocabulary.DATE_PRECISION, "datePrecision", precision).throwIfAny();
        if (date == null) {
            return new Dated(null, null, source);
        }
        String p = precision == null ? DatePrecision.DAY : precision;
        return new Dated(DatePrecision.startOf(date, p), p, source);
    }
}
