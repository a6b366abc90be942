package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.codes.DatePrecision;
import no.helsefellesskap.model.rules.EvaluationOverdue;
import no.helsefellesskap.runtime.time.SuiteClock;
import no.helsefellesskap.spread.dashboard.DashboardService.Filter;
import no.helsefellesskap.runtime.data.Db;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each figure read from the rows it counts (one per record and bucket key), kept by {@link FigureKeeper}: a figure's
 * counts and the records it opens to come from the same rows. The filter's scope (partnership, period, sandbox) is
 * fixed SQL; the caller's values are only ever parameters.
 */
@ApplicationScoped
public class FigureRows {

    /** One counted record under one bucket key; {@code value} carries a measure where the figure sums one. */
    /** {@code datePrecision}: how exactly {@code date} is known (DAY, MONTH, YEAR); {@code dateShown} as exactly. */
    public record Row(String key, String kind, String id, String title, String organisation, LocalDate date,
                      Double value, String datePrecision) {
    }

    @Inject
    Db db;

    @Inject
    SuiteClock clock;

    @ConfigProperty(name = EvaluationOverdue.SETTING, defaultValue = "12")
    int overdueAfterMonths;

    @Inject
    FigureCounts kept;


    /** A figure's rows as SQL with its parameters: the one definition its counts and its records both use. */
    record Query(String sql, Object[] params) {
    }

    /** A figure's distinct records in all and per key, counted by the database over the figure's rows. */
    record Counts(long total, Map<String, Long> byKey) {
    }

    /**
     * Figures that count each record under one key at most, so that their total is the sum of their keys. The others
     * (a pilot under each of its personnel groups) have no total on the page.
     */
    static final java.util.Set<String> ONE_KEY_PER_RECORD = java.util.Set.of("pilotsByStatus", "evaluatedShare",
            "medianMonthsToEvaluation", "medianMonthsToEvaluation.unknownDates", "overdueEvaluations",
            "provenAdoptions", "publishedOutcomes", "freedTime", "spreadCurves", "abandonmentReasons");

    /**
     * A figure's records per key, and in all: the stored rows hold each record once per key (FigureKeeper), so a
     * count is a count of rows, grouped, read from the counts kept of them ({@link FigureCounts}). Active
     * organisations: each organisation with a row in scope once, under its kind as the register has it now.
     */
    Counts counts(String figure, Filter f) {
        Map<String, Long> byKey = new LinkedHashMap<>();
        FigureCounts.Counted c = counted(figure, f, false);
        String sql = figure.equals("activeOrganisations") ? """
                select coalesce(o.kind, 'UNKNOWN') k, count(*) n
                from (select c.k id from (%s) c group by c.k having sum(c.n) > 0) x
                left join (select distinct on (orgnr) orgnr::text orgnr, kind from organisation
                  order by orgnr, (parent is null) desc, code) o on o.orgnr = x.id
                group by 1 order by 1""".formatted(c.sql())
                : "select c.k, sum(c.n) n from (" + c.sql() + ") c group by c.k having sum(c.n) > 0 order by c.k";
        db.list(sql, rs -> byKey.put(rs.getString("k"), rs.getLong("n")), c.params());
        if (!ONE_KEY_PER_RECORD.contains(figure)) {
            return new Counts(-1, byKey);
        }
        return new Counts(byKey.values().stream().mapToLong(Long::longValue).sum(), byKey);
    }

    /** A figure's counted rows in the filter's scope ({@link FigureCounts#counted}); overdue ones by today's rule. */
    FigureCounts.Counted counted(String figure, Filter f, boolean byPartnership) {
        return kept.counted(figure, f, figure.equals("overdueEvaluations") ? overdueBefore() : null, byPartnership);
    }

    /** Completed before this day and still without a published evaluation: overdue (the shared rule). */
    private LocalDate overdueBefore() {
        return new EvaluationOverdue(overdueAfterMonths).completedBefore(clock.today());
    }

    static Object[] append(Object[] params, Object... more) {
        Object[] out = Arrays.copyOf(params, params.length + more.length);
        System.arraycopy(more, 0, out, params.length, more.length);
        return out;
    }

    /** A figure's stored rows, in the filter's scope, with the columns {@link #row} reads. */
    List<Query> queries(String figure, Filter f) {
        return switch (figure) {
            // the shared rule, applied to spread's copy of the same facts: no wait for the hourly announcement
            case "overdueEvaluations" -> List.of(new Query(STORED + ROW_SCOPE + " and r.d < cast(? as date)", rowParams(f,
                    figure, overdueBefore())));
            // one record per organisation, its kind and name as the register has them now (its main unit first)
            case "activeOrganisations" -> List.of(new Query("""
                    select coalesce(o.kind, 'UNKNOWN') k, 'organisation' kind, x.id, o.name title, x.id org, x.d,
                      'DAY' dp, null::float8 v
                    from (select r.id, min(r.d) d from figure_row r where r.figure = ?""" + ROW_SCOPE + """
                     group by r.id) x
                    left join lateral (select kind, name from organisation o where o.orgnr = x.id
                      order by (o.parent is null) desc, o.code limit 1) o on true""", rowParams(f, figure)));
            case "pilotsByStatus", "evaluatedShare", "medianMonthsToEvaluation", "medianMonthsToEvaluation.unknownDates",
                 "spreadCurves", "provenAdoptions", "partnershipPriorityGroups", "personnelGroups",
                 "sharingDirections", "outcomeDimensions", "publishedOutcomes", "freedTime", "abandonmentReasons" ->
                    List.of(new Query(STORED + ROW_SCOPE, rowParams(f, figure)));
            default -> throw new IllegalArgumentException(figure);
        };
    }

    /** A figure's stored rows in scope; the partnership of each row is {@code r.ps} or, for adoptions, its adopter's. */
    static final String STORED = "select r.k, r.kind, r.id, r.title, r.org, r.d, r.dp, r.v, r.v2, r.v3, r.ps,"
            + " r.scope_org, r.source from figure_row r where r.figure = ?";

    /**
     * The filter on stored rows: a pilot's (and its evaluations') partnership, or one its adopter is a member of; the
     * period on the figure's date; sandbox organisations left out unless asked for. Parameters: {@link #rowParams}.
     */
    static final String ROW_SCOPE = """
             and (cast(? as varchar) is null or (r.source <> 'adoption' and r.ps = cast(? as varchar))
               or (r.source = 'adoption' and r.scope_org in (select mo.orgnr from (""" + FigureCounts.MEMBERS + """
                 ) mo where mo.code = cast(? as varchar))))
             and (cast(? as date) is null or r.d >= cast(? as date))
             and (cast(? as date) is null or r.d <= cast(? as date))
             and (cast(? as boolean) or not r.sb)""";

    /** The figure, then {@link #ROW_SCOPE}'s parameters, then the query's own. */
    static Object[] rowParams(Filter f, String figure, Object... after) {
        List<Object> p = new ArrayList<>(Arrays.asList(figure, f.partnership(), f.partnership(), f.partnership(),
                f.from(), f.from(), f.to(), f.to(), f.includeSandbox()));
        p.addAll(Arrays.asList(after));
        return p.toArray();
    }

    /** Left out unless the filter includes them: records of test and probe (sandbox) organisations. */
    private static String notSandbox(String orgnr) {
        return " and (cast(? as boolean) or not exists (select 1 from organisation sb where sb.sandbox and sb.orgnr = "
                + orgnr + "))";
    }

    /** Evaluation rows (published) of pilots in the partnership, published in the period. */
    static String evaluationScope(String select) {
        return select + " and e.published_at is not null"
                + " and (cast(? as varchar) is null or p.partnership = cast(? as varchar))"
                // the days in Oslo, as bounds on the instant itself (so the index on it serves the newest first)
                + " and (cast(? as date) is null or e.published_at >= cast(? as date)::timestamp at time zone 'Europe/Oslo')"
                + " and (cast(? as date) is null"
                + " or e.published_at < (cast(? as date) + 1)::timestamp at time zone 'Europe/Oslo')"
                + notSandbox("p.owner_orgnr");
    }

    /** Adoption rows whose adopter is a member of the partnership, dated in the period. */
    static String adoptionScope(String select) {
        return adoptionScope(select, "a.declared_at");
    }

    static String adoptionScope(String select, String at) {
        String day = "(" + at + " at time zone 'Europe/Oslo')::date";
        return select
                + " and (cast(? as varchar) is null or a.adopter_orgnr::text in (select mo.orgnr from ("
                + FigureCounts.MEMBERS + ") mo where mo.code = cast(? as varchar)))"
                + " and (cast(? as date) is null or " + day + " >= cast(? as date))"
                + " and (cast(? as date) is null or " + day + " <= cast(? as date))" + notSandbox("a.adopter_orgnr");
    }

    /** The filter parameters every scope takes (partnership, from, to, each twice; sandbox), after the query's own. */
    static Object[] params(Filter f, Object... first) {
        List<Object> p = new ArrayList<>(List.of(first));
        p.add(f.partnership());
        p.add(f.partnership());
        p.add(f.from());
        p.add(f.from());
        p.add(f.to());
        p.add(f.to());
        p.add(f.includeSandbox());
        return p.toArray();
    }

    Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Object v = rs.getObject("v");
        String precision = DatePrecision.DAY;
        java.sql.ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (md.getColumnLabel(i).equals("dp") && rs.getString(i) != null) {
                precision = rs.getString(i);
            }
        }
        return new Row(rs.getString("k"), rs.getString("kind"), rs.getString("id"), rs.getString("title"),
                rs.getString("org"), Db.date(rs, "d"), v == null ? null : ((Number) v).doubleValue(), precision);
    }
}
