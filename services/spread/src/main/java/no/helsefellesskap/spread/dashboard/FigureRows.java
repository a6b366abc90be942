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
import java.util.stream.Collectors;

/**
 * Each figure defined by the rows it counts (one per record and bucket key), in SQL with bound parameters: a figure's
 * counts and the records it opens to come from the same rows. The filter's scope (partnership, period, sandbox) is
 * appended to each as fixed SQL; the caller's values are only ever parameters.
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


    /** A figure's rows as SQL with its parameters: the one definition its counts and its records both use. */
    record Query(String sql, Object[] params) {
    }

    /** A figure's distinct records in all and per key, counted by the database over the figure's rows. */
    record Counts(long total, Map<String, Long> byKey) {
    }

    Counts counts(String figure, Filter f) {
        List<Query> queries = queries(figure, f);
        String rows = queries.stream().map(q -> "select k, kind || '/' || id rec from (" + q.sql() + ") q")
                .collect(Collectors.joining(" union all "));
        Object[] params = queries.stream().flatMap(q -> Arrays.stream(q.params())).toArray();
        long[] total = {0};
        Map<String, Long> byKey = new LinkedHashMap<>();
        db.list("select grouping(k) = 1 total, k, count(distinct rec) n from (" + rows + ") r"
                + " group by grouping sets ((k), ()) order by k", rs -> {
                    if (rs.getBoolean("total")) {
                        total[0] = rs.getLong("n");
                    } else {
                        byKey.put(rs.getString("k"), rs.getLong("n"));
                    }
                    return 1;
                }, params);
        return new Counts(total[0], byKey);
    }

    static Object[] append(Object[] params, Object... more) {
        Object[] out = Arrays.copyOf(params, params.length + more.length);
        System.arraycopy(more, 0, out, params.length, more.length);
        return out;
    }

    List<Query> queries(String figure, Filter f) {
        return switch (figure) {
            case "pilotsByStatus" -> List.of(new Query(pilotScope("""
                    select p.status k, 'pilot' kind, p.pilot_id::text id, p.title, p.owner_orgnr org, %s d, p.partnership ps, null v
                    from pilot p where p.registered_at is not null""", REGISTERED), params(f)));
            case "evaluatedShare" -> List.of(new Query(pilotScope("""
                    select case when exists (select 1 from evaluation e where e.pilot_id = p.pilot_id
                      and e.published_at is not null) then 'EVALUATED' else 'NOT_EVALUATED' end k, 'pilot' kind,
                      p.pilot_id::text id, p.title, p.owner_orgnr org, %s d, p.partnership ps, null v
                    from pilot p where p.status = 'COMPLETED'""", "p.completed_on"), params(f)));
            // from completion to the first report's own publication date (not when it was entered here); a report whose
            // source gives no date is left out (counted as unknownDates), never dated by the day it was loaded
            case "medianMonthsToEvaluation" -> List.of(new Query(pilotScope("""
                    select 'ALL' k, 'pilot' kind, p.pilot_id::text id, p.title, p.owner_orgnr org, %s d, p.partnership ps,
                      round(((fe.first_published - p.completed_on) / 30.4375)::numeric, 2)::float8 v
                    from pilot p join (select pilot_id, min(report_published_on) first_published from evaluation
                      where published_at is not null and report_published_on is not null group by pilot_id) fe
                      on fe.pilot_id = p.pilot_id
                    where p.completed_on is not null""", "p.completed_on"), params(f)));
            // the shared rule, applied to spread's copy of the same facts: no wait for the hourly announcement
            case "overdueEvaluations" -> List.of(new Query(pilotScope("""
                    select 'OVERDUE' k, 'pilot' kind, p.pilot_id::text id, p.title, p.owner_orgnr org, %s d, p.partnership ps, null v
                    from pilot p where p.status = 'COMPLETED' and p.completed_on < cast(? as date) and not exists (
                      select 1 from evaluation e where e.pilot_id = p.pilot_id and e.published_at is not null)""",
                    "p.completed_on"), params(f, new EvaluationOverdue(overdueAfterMonths).completedBefore(clock.today()))));
            case "spreadCurves" -> List.of(new Query(adoptionScope("""
                    select a.model_id::text k, 'adoption' kind, a.adoption_id::text id, m.name title,
                      a.adopter_orgnr org, (a.declared_at at time zone 'Europe/Oslo')::date d, null v
                    from adoption a left join (select model_id, max(name) name from model_version group by model_id) m
                      on m.model_id = a.model_id where a.declared_at is not null"""), params(f)));
            // adoptions, not abandoned, of a model version the evidence rule has proven
            case "provenAdoptions" -> List.of(new Query(adoptionScope("""
                    select 'ADOPTED' k, 'adoption' kind, a.adoption_id::text id, m.name title, a.adopter_orgnr org,
                      (a.declared_at at time zone 'Europe/Oslo')::date d, null v
                    from adoption a join model_version m on m.model_id = a.model_id and m.version = a.model_version
                    where a.declared_at is not null and a.status <> 'ABANDONED' and m.proven_at is not null"""), params(f)));
            case "partnershipPriorityGroups" -> List.of(new Query(pilotScope("""
                    select p.partnership || '|' || g.value k, 'pilot' kind, p.pilot_id::text id, p.title,
                      p.owner_orgnr org, %s d, p.partnership ps, null v
                    from pilot p cross join jsonb_array_elements_text(p.priority_groups) g
                    where p.registered_at is not null and p.partnership is not null""", REGISTERED), params(f)));
            case "personnelGroups" -> List.of(new Query(pilotScope("""
                    select distinct g.value k, 'pilot' kind, p.pilot_id::text id, p.title, p.owner_orgnr org, %s d, p.partnership ps,
                      null::float8 v
                    from pilot p cross join lateral (select jsonb_array_elements_text(p.from_groups)
                      union select jsonb_array_elements_text(p.to_groups)) g(value)
                    where p.registered_at is not null""", REGISTERED), params(f)));
            case "sharingDirections" -> List.of(new Query(pilotScope("""
                    select distinct coalesce(dir.value, 'NOT_ASSESSED') k, 'pilot' kind, p.pilot_id::text id, p.title,
                      p.owner_orgnr org, %s d, p.partnership ps, null::float8 v
                    from pilot p
                    left join lateral (select jsonb_array_elements_text(t.sharing_directions) value from task t
                      where p.task_ids @> to_jsonb(t.task_id::text)) dir on true
                    where p.registered_at is not null""", REGISTERED), params(f)));
            case "outcomeDimensions" -> List.of(new Query(evaluationScope("""
                    select d.value k, 'evaluation' kind, e.evaluation_id::text id, p.title, e.evaluator_orgnr org,
                      (e.published_at at time zone 'Europe/Oslo')::date d, null v
                    from evaluation e left join pilot p on p.pilot_id = e.pilot_id
                    cross join jsonb_array_elements_text(e.outcome_dimensions) d where true"""), params(f)));
            case "publishedOutcomes" -> List.of(new Query(evaluationScope("""
                    select 'ALL' k, 'evaluation' kind, e.evaluation_id::text id, p.title, e.evaluator_orgnr org,
                      (e.published_at at time zone 'Europe/Oslo')::date d, null v
                    from evaluation e left join pilot p on p.pilot_id = e.pilot_id where true"""), params(f)));
            case "freedTime" -> List.of(new Query(evaluationScope("""
                    select 'ALL' k, 'evaluation' kind, e.evaluation_id::text id, p.title, e.evaluator_orgnr org,
                      (e.published_at at time zone 'Europe/Oslo')::date d, null v
                    from evaluation e left join pilot p on p.pilot_id = e.pilot_id
                    where jsonb_array_length(e.freed_time) > 0"""), params(f)));
            case "abandonmentReasons" -> List.of(new Query(pilotScope("""
                        select 'pilot/' || coalesce(p.abandonment_reason, 'UNKNOWN') k, 'pilot' kind,
                          p.pilot_id::text id, p.title, p.owner_orgnr org, %s d, p.partnership ps, null v
                        from pilot p where p.status = 'ABANDONED'""", "p.abandoned_on"), params(f)),
                        new Query(adoptionScope("""
                        select 'adoption/' || coalesce(a.reason, 'UNKNOWN') k, 'adoption' kind, a.adoption_id::text id,
                          m.name title, a.adopter_orgnr org, (a.abandoned_at at time zone 'Europe/Oslo')::date d, null v
                        from adoption a left join (select model_id, max(name) name from model_version group by model_id) m
                          on m.model_id = a.model_id where a.status = 'ABANDONED'""", "a.abandoned_at"), params(f)));
            case "activeOrganisations" -> List.of(new Query(pilotScope("""
                        select coalesce(o.kind, 'UNKNOWN') k, 'organisation' kind, x.orgnr id, o.name title,
                          x.orgnr org, %s d, p.partnership ps, null v
                        from pilot p cross join lateral (select p.owner_orgnr orgnr
                          union select jsonb_array_elements_text(p.partner_orgnrs)) x
                        left join lateral (select kind, name from organisation o where o.orgnr = x.orgnr
                          order by (o.parent is null) desc, o.code limit 1) o on true
                        where p.registered_at is not null""", REGISTERED), params(f)),
                        new Query(adoptionScope("""
                        select coalesce(o.kind, 'UNKNOWN') k, 'organisation' kind, a.adopter_orgnr id, o.name title,
                          a.adopter_orgnr org, (a.declared_at at time zone 'Europe/Oslo')::date d, null v
                        from adoption a left join lateral (select kind, name from organisation o
                          where o.orgnr = a.adopter_orgnr order by (o.parent is null) desc, o.code limit 1) o on true
                        where a.declared_at is not null"""), params(f)));
            default -> throw new IllegalArgumentException(figure);
        };
    }

    private static final String REGISTERED = "(p.registered_at at time zone 'Europe/Oslo')::date";

    /** Pilot rows in the partnership and with the figure's date in the period. */
    static String pilotScope(String select, String dateExpr) {
        // each pilot date's precision travels with it, so a record reads "2019", not a precise day
        String precision = dateExpr.startsWith("p.") && dateExpr.endsWith("_on")
                ? dateExpr.substring(0, dateExpr.length() - "_on".length()) + "_precision" : "'DAY'";
        return "select * from (" + select.replace("%s d,", "%s d, %s dp,").formatted(dateExpr, precision) + ") r"
                + " where (cast(? as varchar) is null or r.ps = cast(? as varchar))" + PERIOD + notSandbox("r.org");
    }

    private static final String PERIOD = " and (cast(? as date) is null or r.d >= cast(? as date))"
            + " and (cast(? as date) is null or r.d <= cast(? as date))";

    /** Left out unless the filter includes them: records of test and probe (sandbox) organisations. */
    private static String notSandbox(String orgnr) {
        return " and (cast(? as boolean) or not exists (select 1 from organisation sb where sb.sandbox and sb.orgnr = "
                + orgnr + "))";
    }

    /** Evaluation rows (published) of pilots in the partnership, published in the period. */
    static String evaluationScope(String select) {
        return select + " and e.published_at is not null"
                + " and (cast(? as varchar) is null or p.partnership = cast(? as varchar))"
                + " and (cast(? as date) is null or (e.published_at at time zone 'Europe/Oslo')::date >= cast(? as date))"
                + " and (cast(? as date) is null or (e.published_at at time zone 'Europe/Oslo')::date <= cast(? as date))"
                + notSandbox("p.owner_orgnr");
    }

    /** Adoption rows whose adopter is a member of the partnership, dated in the period. */
    static String adoptionScope(String select) {
        return adoptionScope(select, "a.declared_at");
    }

    static String adoptionScope(String select, String at) {
        String day = "(" + at + " at time zone 'Europe/Oslo')::date";
        return select
                + " and (cast(? as varchar) is null or exists (select 1 from partnership ps join organisation o"
                + " on o.orgnr = a.adopter_orgnr where ps.code = cast(? as varchar)"
                + " and ps.members @> jsonb_build_array(jsonb_build_object('organisation', o.code))))"
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
