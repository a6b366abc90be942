package no.helsefellesskap.spread.dashboard;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every period over a window of days around three month ends (a leap February among them), either end open, against
 * every day in the window and an undated record: the record counts in exactly one of the split's two parts when it
 * falls in the period (the README's rule: from and to inclusive; undated only without a period), in neither when not.
 */
class MonthSplitTest {

    @Test
    void everyDayOfEveryPeriodIsCountedOnceEitherInAWholeMonthOrAtAnEdge() {
        List<LocalDate> bounds = new ArrayList<>();
        bounds.add(null);
        LocalDate first = LocalDate.of(2023, 12, 20);
        for (LocalDate d = first; d.isBefore(LocalDate.of(2024, 4, 10)); d = d.plusDays(1)) {
            bounds.add(d);
        }
        List<LocalDate> days = new ArrayList<>(bounds);
        days.add(LocalDate.of(2020, 6, 15));
        days.add(LocalDate.of(2030, 6, 15));
        long checked = 0;
        for (LocalDate from : bounds) {
            for (LocalDate to : bounds) {
                MonthSplit split = MonthSplit.of(from, to);
                for (LocalDate d : days) {
                    boolean inPeriod = d == null ? from == null && to == null
                            : (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
                    boolean months = split.inMonths(d);
                    boolean edges = split.inEdges(d);
                    assertFalse(months && edges, from + ".." + to + " counts " + d + " twice");
                    assertEquals(inPeriod, months || edges, from + ".." + to + " and " + d);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1_000_000);
    }

    @Test
    void wholeMonthsAreReadFromTheCountsAndOnlyThePartialOnesFromTheRows() {
        MonthSplit s = MonthSplit.of(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 6, 10));
        assertEquals(LocalDate.of(2026, 4, 1), s.firstMonth());
        assertEquals(LocalDate.of(2026, 5, 1), s.lastMonth());
        assertEquals(List.of(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 10)), List.of(s.edges()));
        MonthSplit year = MonthSplit.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertEquals(LocalDate.of(2026, 1, 1), year.firstMonth());
        assertEquals(LocalDate.of(2026, 12, 1), year.lastMonth());
        assertEquals(java.util.Arrays.asList(null, null, null, null), java.util.Arrays.asList(year.edges()));
        MonthSplit inside = MonthSplit.of(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 10));
        assertFalse(inside.months());
        assertFalse(inside.undated());
    }
}
