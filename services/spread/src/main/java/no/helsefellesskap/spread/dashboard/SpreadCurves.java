package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.json.JsonText;
import no.helsefellesskap.spread.dashboard.DashboardService.Filter;
import no.helsefellesskap.runtime.data.Db;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Spread curves: for each proven model, how many organisations had adopted it month by month (an adopter counts from
 * its first declaration until it abandoned every adoption of the model), and why the model is proven.
 */
@ApplicationScoped
public class SpreadCurves {

    @Inject
    Db db;

    @Inject
    JsonText json;

    List<Map<String, Object>> curves(Filter f) {
        List<Map<String, Object>> curves = new ArrayList<>();
        List<Object[]> models = db.list("""
                select model_id, max(name) name, min(proven_at) proven_at, max(proven_rule) rule,
                  (array_agg(proven_evaluation_ids::text) filter (where proven_evaluation_ids is not null))[1] ids
                from model_version where proven_at is not null or lifecycle in ('PROVEN', 'SPREADING')
                group by model_id order by min(proven_at) nulls last, max(name)""",
                rs -> new Object[] {Db.uuid(rs, "model_id"), rs.getString("name"), Db.instant(rs, "proven_at"),
                        rs.getString("rule"), rs.getString("ids")});
        List<Object[]> adoptions = db.list(FigureRows.adoptionScope("""
                select a.model_id, a.adopter_orgnr, a.declared_at, a.abandoned_at from adoption a
                where a.declared_at is not null"""), rs -> new Object[] {Db.uuid(rs, "model_id"),
                rs.getString("adopter_orgnr"), Db.instant(rs, "declared_at"), Db.instant(rs, "abandoned_at")},
                FigureRows.params(f));
        for (Object[] m : models) {
            UUID model = (UUID) m[0];
            // per adopter: first declaration, and abandonment if every adoption of it was abandoned
            Map<String, YearMonth> joined = new TreeMap<>();
            Map<String, YearMonth> left = new TreeMap<>();
            for (Object[] a : adoptions) {
                if (!model.equals(a[0])) {
                    continue;
                }
                YearMonth in = Figures.month((Instant) a[2]);
                joined.merge((String) a[1], in, (x, y) -> x.isBefore(y) ? x : y);
                if (a[3] != null) {
                    left.merge((String) a[1], Figures.month((Instant) a[3]), (x, y) -> x.isAfter(y) ? x : y);
                }
            }
            Set<String> stillAbandoned = new LinkedHashSet<>(left.keySet());
            for (Object[] a : adoptions) {
                if (model.equals(a[0]) && a[3] == null) {
                    stillAbandoned.remove((String) a[1]);
                }
            }
            List<Map<String, Object>> points = new ArrayList<>();
            if (!joined.isEmpty()) {
                YearMonth first = joined.values().stream().min(Comparator.naturalOrder()).orElseThrow();
                YearMonth last = joined.values().stream().max(Comparator.naturalOrder()).orElseThrow();
                for (String o : stillAbandoned) {
                    last = left.get(o).isAfter(last) ? left.get(o) : last;
                }
                for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
                    YearMonth at = ym;
                    long n = joined.entrySet().stream().filter(e -> !e.getValue().isAfter(at))
                            .filter(e -> !stillAbandoned.contains(e.getKey()) || left.get(e.getKey()).isAfter(at))
                            .count();
                    points.add(Map.of("month", ym.toString(), "adopters", n));
                }
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("modelId", model);
            c.put("name", m[1]);
            c.put("provenAt", m[2]);
            // why it is proven: the rule model.proven named and the evaluations that met it (open in /api/pilots)
            c.put("provenBy", m[3] == null ? null : Map.of("rule", m[3],
                    "evaluationIds", m[4] == null ? List.of() : json.tree((String) m[4])));
            c.put("points", points);
            c.put("adopters", points.isEmpty() ? 0 : points.get(points.size() - 1).get("adopters"));
            c.put("records", Figures.link("spreadCurves", model.toString(), f));
            curves.add(c);
        }
        return curves;
    }
}
