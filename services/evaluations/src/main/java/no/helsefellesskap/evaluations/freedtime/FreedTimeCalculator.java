package no.helsefellesskap.evaluations.freedtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Freed time in årsverk by the formula families of the Ventetidsløftet report (seed-002.md §5), for low, middle
 * and high scenarios. Every result carries the formula with its numbers, so a reader can redo it.
 */
public final class FreedTimeCalculator {

    public enum Family { PER_DAY, PER_EVENT, SHARE_OF_GROUP, SCALING, PERIODIC, DERIVED }

    /** GROSS_FREED: time freed for the giving group. EXTRA_TIME: time the receiving group spends instead. */
    public enum Role { GROSS_FREED, EXTRA_TIME }

    public static final List<String> SCENARIOS = List.of("low", "middle", "high");

    /** Where the freed time applies: the pilot's own sites, a region, or the whole country. */
    public enum Scope { PILOT_SITES, REGION, NATIONAL }

    /** Measured at the sites, or estimated by calculation (a worked example, a scaling). */
    public enum Basis { MEASURED, ESTIMATED }

    /** The inputs of one scenario; which fields are used depends on the family. */
    public record Inputs(Double baseArsverk, Double share, Double minutesPerDay, Double annualEvents, Double minutesPerEvent,
                         Double localArsverk, Double nationalBase, Double localBase, Double count, Double hoursPerPeriod,
                         Double daysPerPeriod, Double periodsPerYear) {
    }

    public record Line(String id, String label, String group, Role role, String category, Family family,
                       Map<String, Inputs> scenarios, String derivedFrom, Double factor, Scope scope, Basis basis) {

        /** A line whose scope and basis are not stated (the calculator works without them; publishing needs them). */
        public Line(String id, String label, String group, Role role, String category, Family family,
                    Map<String, Inputs> scenarios, String derivedFrom, Double factor) {
            this(id, label, group, role, category, family, scenarios, derivedFrom, factor, null, null);
        }
    }

    public record Result(double value, long rounded, String formula) {
    }

    public record LineResult(Line line, Map<String, Result> results) {
    }

    public record Totals(Map<String, Double> grossFreed, Map<String, Double> extraTime, Map<String, Double> net) {
    }

    /** The totals of the lines of one scope and basis. */
    public record ScopedTotals(Scope scope, Basis basis, Totals totals) {
    }

    /**
     * {@code totals} adds up every line only when they share one scope and basis; otherwise it is null and
     * {@code byScope} has the totals of each scope and basis apart (a national estimate is never added to what was
     * measured at a pilot's sites).
     */
    public record Calculation(String parameterVersion, Map<String, Parameters.Parameter> parameters, List<LineResult> lines,
                              Totals totals, List<ScopedTotals> byScope, boolean overlapWarning, String overlapNote) {
    }

    /** A line that cannot be computed, naming the field at fault. */
    public static class InvalidInput extends RuntimeException {
        private final String field;

        public InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Parameters p;

    public FreedTimeCalculator(Parameters parameters) {
        this.p = parameters;
    }

    public Calculation calculate(List<Line> lines) {
        Map<String, LineResult> done = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String at = "lines[" + i + "]";
            Map<String, Result> results = new LinkedHashMap<>();
            for (String s : SCENARIOS) {
                results.put(s, compute(l, s, at, done));
            }
            done.put(l.id(), new LineResult(l, results));
        }
        Map<List<Object>, List<LineResult>> groups = new LinkedHashMap<>();
        for (LineResult r : done.values()) {
            groups.computeIfAbsent(java.util.Arrays.asList(r.line().scope(), r.line().basis()), k -> new ArrayList<>()).add(r);
        }
        List<ScopedTotals> byScope = new ArrayList<>();
        groups.forEach((k, rs) -> byScope.add(new ScopedTotals((Scope) k.get(0), (Basis) k.get(1), totals(rs))));
        Set<String> categories = new LinkedHashSet<>();
        lines.forEach(l -> {
            if (l.category() != null) {
                categories.add(l.category());
            }
        });
        boolean overlap = categories.size() > 1;
        return new Calculation(p.version(), p.values(), new ArrayList<>(done.values()),
                byScope.size() == 1 ? byScope.get(0).totals() : null, byScope, overlap,
                overlap ? "Sums across categories " + categories + " overstate the total: measures overlap (seed-002.md §0, §5)" : null);
    }

    private static Totals totals(List<LineResult> lines) {
        Map<String, Double> gross = new LinkedHashMap<>();
        Map<String, Double> extra = new LinkedHashMap<>();
        Map<String, Double> net = new LinkedHashMap<>();
        for (String s : SCENARIOS) {
            double g = 0;
            double e = 0;
            for (LineResult r : lines) {
                if (r.line().role() == Role.EXTRA_TIME) {
                    e += r.results().get(s).value();
                } else {
                    g += r.results().get(s).value();
                }
            }
            gross.put(s, round1(g));
            extra.put(s, round1(e));
            net.put(s, round1(g - e));
        }
        return new Totals(gross, extra, net);
    }

    private Result compute(Line l, String scenario, String at, Map<String, LineResult> done) {
        double h = p.hoursPerArsverk();
        double d = p.workingDays();
        if (l.family() == null) {
            throw new InvalidInput(at + ".family", "a formula family is required");
        }
        if (l.family() == Family.DERIVED) {
            LineResult from = done.get(l.derivedFrom());
            if (from == null) {
                throw new InvalidInput(at + ".derivedFrom", "must name an earlier line");
            }
            double f = need(l.factor(), at + ".factor");
            double v = from.results().get(scenario).value() * f;
            return result(v, fmt(from.results().get(scenario).value()) + " (" + l.derivedFrom() + ") × " + fmt(f));
        }
        Inputs in = l.scenarios() == null ? null : l.scenarios().get(scenario);
        String where = at + ".scenarios." + scenario;
        if (in == null) {
            throw new InvalidInput(where, "inputs for the " + scenario + " scenario are required");
        }
        return switch (l.family()) {
            case PER_DAY -> {
                double base = need(in.baseArsverk(), where + ".baseArsverk");
                double share = share(in.share(), where + ".share");
                double min = need(in.minutesPerDay(), where + ".minutesPerDay");
                yield result(base * share * min * d / 60 / h, fmt(base) + " årsverk × " + fmt(share) + " × " + fmt(min)
                        + " min/day × " + fmt(d) + " days / 60 / " + fmt(h) + " h");
            }
            case PER_EVENT -> {
                double events = need(in.annualEvents(), where + ".annualEvents");
                double share = in.share() == null ? 1.0 : share(in.share(), where + ".share");
                double min = need(in.minutesPerEvent(), where + ".minutesPerEvent");
                yield result(events * share * min / 60 / h, fmt(events) + " events × " + fmt(share) + " × " + fmt(min)
                        + " min / 60 / " + fmt(h) + " h");
            }
            case SHARE_OF_GROUP -> {
                double base = need(in.baseArsverk(), where + ".baseArsverk");
                double share = share(in.share(), where + ".share");
                yield result(base * share, fmt(base) + " årsverk × " + fmt(share));
            }
            case SCALING -> {
                double local = need(in.localArsverk(), where + ".localArsverk");
                double national = need(in.nationalBase(), where + ".nationalBase");
                double localBase = need(in.localBase(), where + ".localBase");
                if (localBase <= 0) {
                    throw new InvalidInput(where + ".localBase", "must be more than 0");
                }
                yield result(local * (national / localBase - 1), fmt(local) + " årsverk × (" + fmt(national) + " / "
                        + fmt(localBase) + " − 1)");
            }
            case PERIODIC -> {
                double count = need(in.count(), where + ".count");
                double hours = in.hoursPerPeriod() != null ? in.hoursPerPeriod()
                        : need(in.daysPerPeriod(), where + ".daysPerPeriod") * p.hoursPerDay();
                String hoursText = in.hoursPerPeriod() != null ? fmt(hours) + " h"
                        : "(" + fmt(in.daysPerPeriod()) + " days × " + fmt(p.hoursPerDay()) + " h)";
                double periods = need(in.periodsPerYear(), where + ".periodsPerYear");
                yield result(count * hours * periods / h, fmt(count) + " × " + hoursText + " × " + fmt(periods)
                        + " periods / " + fmt(h) + " h");
            }
            case DERIVED -> throw new IllegalStateException("handled above");
        };
    }

    private static Result result(double v, String formula) {
        return new Result(v, Math.round(v), formula + " = " + fmt(round1(v)) + " årsverk");
    }

    private static double need(Double v, String field) {
        if (v == null) {
            throw new InvalidInput(field, "is required for this formula family");
        }
        if (v < 0) {
            throw new InvalidInput(field, "must be 0 or more");
        }
        return v;
    }

    private static double share(Double v, String field) {
        double s = need(v, field);
        if (s > 1) {
            throw new InvalidInput(field, "is a share between 0 and 1");
        }
        return s;
    }

    static double round1(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    static String fmt(double v) {
        BigDecimal b = BigDecimal.valueOf(v).stripTrailingZeros();
        return b.scale() <= 0 ? String.format(Locale.ROOT, "%,d", b.longValue()).replace(',', ' ') : b.toPlainString();
    }
}
