package no.helsefellesskap.spread.dashboard;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A period of days (inclusive, either end open) split into the whole calendar months it covers, which the dashboard
 * reads from its kept counts, and the days at its edges outside those months (at most two runs), which it reads from
 * the rows. Every date in the period is in exactly one of the two; an undated record only counts when neither end is
 * set.
 *
 * @param undated    whether records without a date count (no period asked for)
 * @param months     whether any whole month counts
 * @param firstMonth the first whole month's first day (null: unbounded)
 * @param lastMonth  the last whole month's first day (null: unbounded)
 * @param edges      {@code [from1, to1, from2, to2]}, each run inclusive; null where there is none
 */
public record MonthSplit(boolean undated, boolean months, LocalDate firstMonth, LocalDate lastMonth,
                         LocalDate[] edges) {

    /** The split of {@code from..to} (years 1 to 9999, as the API takes them); a period that ends before it starts holds nothing. */
    public static MonthSplit of(LocalDate from, LocalDate to) {
        LocalDate[] edges = new LocalDate[4];
        if (from == null && to == null) {
            return new MonthSplit(true, true, null, null, edges);
        }
        if (from != null && to != null && from.isAfter(to)) {
            return new MonthSplit(false, false, null, null, edges);
        }
        LocalDate first = from == null ? null : from.getDayOfMonth() == 1 ? from : nextMonth(from);
        LocalDate last = to == null ? null
                : to.equals(to.with(TemporalAdjusters.lastDayOfMonth())) ? to.withDayOfMonth(1) : previousMonth(to);
        boolean months = first == null || last == null || !first.isAfter(last);
        if (!months) {
            edges[0] = from;
            edges[1] = to;
            return new MonthSplit(false, false, null, null, edges);
        }
        if (from != null && !from.equals(first)) {
            edges[0] = from;
            edges[1] = first.minusDays(1);
        }
        if (to != null && !to.equals(last.with(TemporalAdjusters.lastDayOfMonth()))) {
            edges[2] = to.withDayOfMonth(1);
            edges[3] = to;
        }
        return new MonthSplit(false, true, first, last, edges);
    }

    private static LocalDate nextMonth(LocalDate d) {
        return d.withDayOfMonth(1).plusMonths(1);
    }

    private static LocalDate previousMonth(LocalDate d) {
        return d.withDayOfMonth(1).minusMonths(1);
    }

    /** Whether a record dated {@code d} (null: undated) counts in a whole month of this split. */
    public boolean inMonths(LocalDate d) {
        if (d == null) {
            return undated;
        }
        LocalDate m = d.withDayOfMonth(1);
        return months && (firstMonth == null || !m.isBefore(firstMonth)) && (lastMonth == null || !m.isAfter(lastMonth));
    }

    /** Whether a record dated {@code d} counts in an edge of this split. */
    public boolean inEdges(LocalDate d) {
        return d != null && (within(d, edges[0], edges[1]) || within(d, edges[2], edges[3]));
    }

    private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return from != null && to != null && !d.isBefore(from) && !d.isAfter(to);
    }
}
