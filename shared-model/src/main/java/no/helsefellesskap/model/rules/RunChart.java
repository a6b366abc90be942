package no.helsefellesskap.model.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The run chart of a series of measurements in time order, with the standard run rules for a non-random signal
 * (Perla, Provost and Murray, "The run chart: a simple analytical tool for learning from variation in healthcare
 * processes", BMJ Quality &amp; Safety 2011;20:46-51):
 * <ul>
 *   <li><b>shift</b>: six or more consecutive points all above or all below the median; a point on the median
 *   neither adds to nor breaks a shift;</li>
 *   <li><b>trend</b>: five or more consecutive points all going up or all going down; a point equal to the one
 *   before it neither adds to nor breaks a trend;</li>
 *   <li><b>astronomical point</b>: a point obviously different from the rest. The source leaves this to the eye;
 *   here it is a spike: a point that jumps away from both its neighbours, and back, by more than the upper limit of
 *   a point-to-point change (3.865 &times; the median moving range, Wheeler's limit for moving ranges). A step to a
 *   new level (a shift) is not a spike, and a point at either end has only one neighbour, so it is never flagged
 *   alone.</li>
 * </ul>
 * The rules are read with care below {@link #ENOUGH_POINTS} points; the answer says so.
 */
public final class RunChart {

    public static final int SHIFT_POINTS = 6;
    public static final int TREND_POINTS = 5;
    /** Scaling of the median moving range to the upper limit of a moving range. */
    public static final double MOVING_RANGE_LIMIT_SCALE = 3.865;
    /** Fewer points than this and the median itself is uncertain (the source recommends ten or more). */
    public static final int ENOUGH_POINTS = 10;

    public enum Signal { SHIFT, TREND, ASTRONOMICAL }

    /** A run of points {@code from}..{@code to} (indices into the series, inclusive) that makes a signal. */
    public record Run(Signal signal, int from, int to, int points) {
    }

    /**
     * {@code signals.get(i)}: the signals point i is part of. {@code movingRangeLimit}: the jump an astronomical point
     * makes to and from its neighbours exceeds it (null when it cannot be computed: fewer than three points or no
     * variation from point to point).
     */
    public record Analysis(int points, Double median, Double movingRangeLimit, List<Run> runs,
                           List<Set<Signal>> signals, boolean enoughPoints) {
    }

    private RunChart() {
    }

    public static Analysis analyse(List<Double> values) {
        int n = values.size();
        List<Set<Signal>> signals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (values.get(i) == null || !Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException("value " + i + " is not a finite number");
            }
            signals.add(EnumSet.noneOf(Signal.class));
        }
        if (n == 0) {
            return new Analysis(0, null, null, List.of(), List.of(), false);
        }
        double median = median(values.stream().mapToDouble(Double::doubleValue).toArray());
        List<Run> runs = new ArrayList<>();
        shifts(values, median, runs);
        trends(values, runs);
        Double limit = null;
        if (n >= 3) {
            double[] ranges = new double[n - 1];
            for (int i = 1; i < n; i++) {
                ranges[i - 1] = Math.abs(values.get(i) - values.get(i - 1));
            }
            double medianRange = median(ranges);
            if (medianRange > 0) {
                limit = MOVING_RANGE_LIMIT_SCALE * medianRange;
                for (int i = 1; i < n - 1; i++) {
                    double in = values.get(i) - values.get(i - 1);
                    double out = values.get(i + 1) - values.get(i);
                    if (Math.abs(in) > limit && Math.abs(out) > limit && Math.signum(in) != Math.signum(out)) {
                        runs.add(new Run(Signal.ASTRONOMICAL, i, i, 1));
                    }
                }
            }
        }
        runs.sort((a, b) -> a.from() != b.from() ? Integer.compare(a.from(), b.from()) : a.signal().compareTo(b.signal()));
        for (Run r : runs) {
            for (int i = r.from(); i <= r.to(); i++) {
                signals.get(i).add(r.signal());
            }
        }
        return new Analysis(n, median, limit, List.copyOf(runs),
                signals.stream().map(s -> (Set<Signal>) java.util.Collections.unmodifiableSet(s)).toList(),
                n >= ENOUGH_POINTS);
    }

    /** Runs on one side of the median; points on it are skipped (they neither count nor break). */
    private static void shifts(List<Double> v, double median, List<Run> out) {
        int side = 0;
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < v.size(); i++) {
            int s = Double.compare(v.get(i), median);
            if (s == 0) {
                continue;
            }
            if (s != side) {
                if (count >= SHIFT_POINTS) {
                    out.add(new Run(Signal.SHIFT, first, last, count));
                }
                side = s;
                first = i;
                count = 0;
            }
            count++;
            last = i;
        }
        if (count >= SHIFT_POINTS) {
            out.add(new Run(Signal.SHIFT, first, last, count));
        }
    }

    /** Runs of steps in one direction; a value equal to the one before it is skipped. */
    private static void trends(List<Double> v, List<Run> out) {
        int direction = 0;
        int first = 0;
        int last = 0;
        int count = 1;
        for (int i = 1; i < v.size(); i++) {
            int d = Double.compare(v.get(i), v.get(last));
            if (d == 0) {
                continue;
            }
            if (d == direction) {
                count++;
            } else {
                if (count >= TREND_POINTS) {
                    out.add(new Run(Signal.TREND, first, last, count));
                }
                direction = d;
                first = last;
                count = 2;
            }
            last = i;
        }
        if (count >= TREND_POINTS) {
            out.add(new Run(Signal.TREND, first, last, count));
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
