package no.helsefellesskap.model;

import no.helsefellesskap.model.rules.RunChart;
import no.helsefellesskap.model.rules.RunChart.Run;
import no.helsefellesskap.model.rules.RunChart.Signal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run rules on series whose signals are known by construction, and against a brute-force reading of the rules. */
class RunChartTest {

    private static List<Double> series(double... v) {
        List<Double> l = new ArrayList<>();
        for (double x : v) {
            l.add(x);
        }
        return l;
    }

    private static List<Run> runs(RunChart.Analysis a, Signal s) {
        return a.runs().stream().filter(r -> r.signal() == s).toList();
    }

    @Test
    void sixPointsOnEachSideOfTheMedianAreTwoShifts() {
        // median 15.5: the first six lie below it, the last six above (a level change after a change was made)
        RunChart.Analysis a = RunChart.analyse(series(10, 11, 10, 11, 10, 11, 20, 21, 20, 21, 20, 21));
        assertEquals(15.5, a.median());
        assertEquals(List.of(new Run(Signal.SHIFT, 0, 5, 6), new Run(Signal.SHIFT, 6, 11, 6)), runs(a, Signal.SHIFT));
        assertTrue(a.enoughPoints());
        assertTrue(runs(a, Signal.TREND).isEmpty(), "it zigzags: no trend");
        assertTrue(runs(a, Signal.ASTRONOMICAL).isEmpty(), "a step to a new level is not an astronomical point");
    }

    @Test
    void fiveOnOneSideIsNotAShiftAndPointsOnTheMedianNeitherCountNorBreak() {
        // median 2 (the 2s lie on it): five points above is one short, and the 1s on either side are two runs of two
        RunChart.Analysis five = RunChart.analyse(series(1, 2, 1, 8, 9, 8, 9, 8, 1, 2, 1, 2));
        assertEquals(2.0, five.median());
        assertTrue(runs(five, Signal.SHIFT).isEmpty(), five.runs().toString());
        // six above with a point on the median among them: still six (the median point is skipped, not counted)
        RunChart.Analysis six = RunChart.analyse(series(1, 2, 1, 8, 9, 5, 8, 9, 8, 9, 1, 2, 1));
        assertEquals(5.0, six.median());
        assertEquals(List.of(new Run(Signal.SHIFT, 3, 9, 6)), runs(six, Signal.SHIFT));
    }

    @Test
    void fiveStepsInOneDirectionAreATrendAndARepeatedValueNeitherCountsNorBreaks() {
        RunChart.Analysis up = RunChart.analyse(series(3, 1, 2, 3, 4, 5, 2, 3));
        assertEquals(List.of(new Run(Signal.TREND, 1, 5, 5)), runs(up, Signal.TREND));
        assertEquals(Set.of(Signal.TREND), up.signals().get(3));
        assertEquals(Set.of(), up.signals().get(0));

        // 1, 2, 2, 3, 4: the repeated 2 is skipped, leaving four points: no trend
        assertTrue(runs(RunChart.analyse(series(9, 1, 2, 2, 3, 4, 0)), Signal.TREND).isEmpty());
        // 1, 2, 2, 3, 4, 5: five points once the repeat is skipped
        assertEquals(List.of(new Run(Signal.TREND, 1, 6, 5)),
                runs(RunChart.analyse(series(9, 1, 2, 2, 3, 4, 5, 0)), Signal.TREND));
        // going down counts the same; the turning point belongs to both runs
        assertEquals(List.of(new Run(Signal.TREND, 0, 4, 5)),
                runs(RunChart.analyse(series(9, 8, 7, 6, 5, 6)), Signal.TREND));
    }

    @Test
    void anAstronomicalPointIsFlaggedButTheHighestOfOrdinaryDataIsNot() {
        RunChart.Analysis a = RunChart.analyse(series(10, 11, 10, 12, 11, 10, 11, 40, 10, 11, 12, 10));
        assertEquals(List.of(new Run(Signal.ASTRONOMICAL, 7, 7, 1)), runs(a, Signal.ASTRONOMICAL));
        assertEquals(RunChart.MOVING_RANGE_LIMIT_SCALE * 1, a.movingRangeLimit(), 1e-9, "median moving range 1");

        RunChart.Analysis ordinary = RunChart.analyse(series(10, 11, 10, 12, 11, 10, 11, 13, 10, 11, 12, 10));
        assertTrue(runs(ordinary, Signal.ASTRONOMICAL).isEmpty(), ordinary.runs().toString());
        // a wild last value may be the start of a new level: with one neighbour it is not flagged alone
        assertTrue(runs(RunChart.analyse(series(10, 11, 10, 12, 11, 10, 11, 40)), Signal.ASTRONOMICAL).isEmpty());
        // a dip counts like a spike
        assertEquals(List.of(new Run(Signal.ASTRONOMICAL, 3, 3, 1)),
                runs(RunChart.analyse(series(50, 51, 50, 5, 51, 50, 52, 51)), Signal.ASTRONOMICAL));
    }

    @Test
    void aFlatOrShortSeriesGivesNoFalseSignalsAndSaysWhenItIsTooShort() {
        RunChart.Analysis flat = RunChart.analyse(series(7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7));
        assertTrue(flat.runs().isEmpty());
        assertNull(flat.movingRangeLimit(), "no variation: no limit");
        RunChart.Analysis few = RunChart.analyse(series(1, 2, 3));
        assertFalse(few.enoughPoints());
        assertEquals(0, RunChart.analyse(List.of()).points());
        assertThrows(IllegalArgumentException.class, () -> RunChart.analyse(series(1, Double.NaN)));
    }

    /** The shift and trend rules read literally, window by window, on random series with many ties. */
    @Test
    void agreesWithABruteForceReadingOfTheRules() {
        Random random = new Random(20261206);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(30);
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                v.add((double) random.nextInt(6));
            }
            RunChart.Analysis a = RunChart.analyse(v);
            double median = a.median();
            for (int i = 0; i < n; i++) {
                assertEquals(inShift(v, median, i), a.signals().get(i).contains(Signal.SHIFT) && v.get(i) != median,
                        "shift at " + i + " in " + v);
                assertEquals(inTrend(v, i), a.signals().get(i).contains(Signal.TREND) && keptInTrend(v, i),
                        "trend at " + i + " in " + v);
            }
        }
    }

    /** Point i (off the median) has at least six points on its side in the maximal run it belongs to. */
    private static boolean inShift(List<Double> v, double median, int i) {
        int side = Double.compare(v.get(i), median);
        if (side == 0) {
            return false;
        }
        int count = 0;
        for (int j = i; j >= 0; j--) {
            int s = Double.compare(v.get(j), median);
            if (s == -side) {
                break;
            }
            count += s == side ? 1 : 0;
        }
        for (int j = i + 1; j < v.size(); j++) {
            int s = Double.compare(v.get(j), median);
            if (s == -side) {
                break;
            }
            count += s == side ? 1 : 0;
        }
        return count >= RunChart.SHIFT_POINTS;
    }

    /** Point i is not a repeat of the value before it. */
    private static boolean keptInTrend(List<Double> v, int i) {
        return i == 0 || !v.get(i).equals(v.get(i - 1));
    }

    /** With repeats removed, point i lies in some window of five points that only goes up or only goes down. */
    private static boolean inTrend(List<Double> v, int i) {
        if (!keptInTrend(v, i)) {
            return false;
        }
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < v.size(); j++) {
            if (keptInTrend(v, j)) {
                kept.add(j);
            }
        }
        int k = kept.indexOf(i);
        for (int start = Math.max(0, k - 4); start <= k && start + 4 < kept.size(); start++) {
            boolean up = true;
            boolean down = true;
            for (int j = start + 1; j <= start + 4; j++) {
                double d = v.get(kept.get(j)) - v.get(kept.get(j - 1));
                up &= d > 0;
                down &= d < 0;
            }
            if (up || down) {
                return true;
            }
        }
        return false;
    }
}
