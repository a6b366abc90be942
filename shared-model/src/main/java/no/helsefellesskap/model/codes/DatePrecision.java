package no.helsefellesskap.model.codes;

import java.time.LocalDate;

/**
 * How exactly a source dates a fact: DAY, MONTH or YEAR (the {@code date-precision} vocabulary list). A date known to
 * the month or year is stored as the first day of it, and shown as the month or year, never as a precise day.
 */
public final class DatePrecision {

    public static final String DAY = "DAY";

    private DatePrecision() {
    }

    public static LocalDate startOf(LocalDate date, String precision) {
        if (date == null || precision == null) {
            return date;
        }
        return switch (precision) {
            case "YEAR" -> date.withDayOfYear(1);
            case "MONTH" -> date.withDayOfMonth(1);
            default -> date;
        };
    }

    /** "2019", "2019-07" or "2019-07-01": the date as exactly as it is known. */
    public static String shown(LocalDate date, String precision) {
        if (date == null) {
            return null;
        }
        String iso = date.toString();
        return "YEAR".equals(precision) ? iso.substring(0, 4) : "MONTH".equals(precision) ? iso.substring(0, 7) : iso;
    }
}
