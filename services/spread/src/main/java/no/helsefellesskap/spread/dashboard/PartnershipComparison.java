package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.spread.config.SpreadConfig;
import no.helsefellesskap.spread.dashboard.DashboardService.Filter;
import no.helsefellesskap.spread.dashboard.FigureLabels.Label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every partnership side by side, so the ones that lag stand out: each cell is the same figure the page shows for
 * that partnership alone (the same rows, the same records behind it), for the filter's period. The programme median
 * is the median over the partnerships that have a value (a share needs completed pilots; measured freed time needs
 * a measurement); a partnership without one is shown as unknown, never as zero.
 */
@ApplicationScoped
public class PartnershipComparison {

    static final List<String> STATUSES = List.of("PLANNED", "RUNNING", "COMPLETED", "ABANDONED");

    /** One partnership's row; {@code records} opens each count, keyed as the column. */
    public record Row(String code, String name, String region, long pilots, Map<String, Long> byStatus,
                      long completed, long evaluated, Double evaluatedShare, long overdue, long provenAdoptions,
                      Double freedTimeMeasured, long freedTimeEvaluations, Map<String, String> records) {
    }

    public record Column(String key, Label label, String unit) {
    }

    @Inject
    Db db;

    @Inject
    FigureRows rows;

    @Inject
    SpreadConfig config;

    Map<String, Object> compare(Filter f) {
        record Partnership(String code, String name, String region) {
        }
        List<Partnership> all = db.list("select code, name, region from partnership order by name",
                rs -> new Partnership(rs.getString("code"), rs.getString("name"), rs.getString("region")));
        // each figure's own rows for every partnership at once, counted per partnership
        Filter any = new Filter(null, f.from(), f.to(), f.includeSandbox());
        Map<String, Map<String, Long>> status = byPartnership("pilotsByStatus", any);
        Map<String, Map<String, Long>> evaluated = byPartnership("evaluatedShare", any);
        Map<String, Map<String, Long>> overdue = byPartnership("overdueEvaluations", any);
        Map<String, Map<String, Long>> adopted = byPartnership("provenAdoptions", any);
        Map<String, double[]> freed = measuredFreedTime(any);
        List<Row> out = new ArrayList<>();
        for (Partnership p : all) {
            Filter one = new Filter(p.code(), f.from(), f.to(), f.includeSandbox());
            Map<String, Long> s = status.getOrDefault(p.code(), Map.of());
            Map<String, Long> e = evaluated.getOrDefault(p.code(), Map.of());
            long completedCount = e.getOrDefault(TOTAL, 0L);
            long evaluatedCount = e.getOrDefault("EVALUATED", 0L);
            Map<String, Long> byStatus = new LinkedHashMap<>();
            STATUSES.forEach(x -> byStatus.put(x, s.getOrDefault(x, 0L)));
            double[] measured = freed.getOrDefault(p.code(), new double[] {0, 0});
            Map<String, String> records = new LinkedHashMap<>();
            records.put("pilots", Figures.link("pilotsByStatus", null, one));
            STATUSES.forEach(x -> records.put(x, Figures.link("pilotsByStatus", x, one)));
            records.put("evaluatedShare", Figures.link("evaluatedShare", null, one));
            records.put("overdue", Figures.link("overdueEvaluations", null, one));
            records.put("provenAdoptions", Figures.link("provenAdoptions", null, one));
            records.put("freedTimeMeasured", Figures.link("freedTime", null, one));
            out.add(new Row(p.code(), p.name(), p.region(), s.getOrDefault(TOTAL, 0L), byStatus, completedCount,
                    evaluatedCount, completedCount == 0 ? null : round((double) evaluatedCount / completedCount, 3),
                    overdue.getOrDefault(p.code(), Map.of()).getOrDefault(TOTAL, 0L),
                    adopted.getOrDefault(p.code(), Map.of()).getOrDefault(TOTAL, 0L),
                    measured[1] == 0 ? null : round(measured[0], 1), (long) measured[1], records));
        }
        Map<String, Object> median = new LinkedHashMap<>();
        median.put("pilots", median(out, r -> (double) r.pilots()));
        median.put("evaluatedShare", median(out, Row::evaluatedShare));
        median.put("overdue", median(out, r -> (double) r.overdue()));
        median.put("provenAdoptions", median(out, r -> (double) r.provenAdoptions()));
        median.put("freedTimeMeasured", median(out, Row::freedTimeMeasured));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("columns", List.of(
                new Column("pilots", new Label("Piloter", "Pilots"), null),
                new Column("evaluatedShare", new Label("Andel fullførte som er evaluert", "Share of completed pilots evaluated"), "share"),
                new Column("overdue", new Label("Forfalt evaluering", "Evaluation overdue"), null),
                new Column("provenAdoptions", new Label("Adopsjoner av dokumenterte modeller", "Adoptions of proven models"), null),
                new Column("freedTimeMeasured", new Label("Frigjort tid, målt ved pilotenes steder (netto)",
                        "Freed time measured at the pilots' own sites (net)"), "årsverk")));
        m.put("scenario", config.dashboard().freedTimeScenario());
        m.put("partnerships", out);
        m.put("median", median);
        return m;
    }

    static final String TOTAL = "";

    /**
     * A figure's records per partnership and key (and in all under {@link #TOTAL}), from the counts kept of the very
     * rows the figure counts; each of these figures counts a record under one key, so the total is the sum of the keys.
     */
    private Map<String, Map<String, Long>> byPartnership(String figure, Filter any) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        FigureCounts.Counted c = rows.counted(figure, any, true);
        // a pilot (and its evaluation) counts for its own partnership, an adoption for every one its adopter is in
        db.list("select coalesce(mo.code, case when c.adopter is null then c.ps end) ps, c.k, sum(c.n) n from ("
                + c.sql() + ") c left join (" + FigureCounts.MEMBERS + ") mo on mo.orgnr = c.adopter"
                + " group by 1, 2 having sum(c.n) > 0 and coalesce(mo.code, case when c.adopter is null then c.ps end)"
                + " is not null", rs -> {
                    Map<String, Long> counts = out.computeIfAbsent(rs.getString("ps"), k -> new HashMap<>());
                    counts.merge(rs.getString("k"), rs.getLong("n"), Long::sum);
                    counts.merge(TOTAL, rs.getLong("n"), Long::sum);
                    return 1;
                }, c.params());
        return out;
    }

    /** Net freed time measured at the pilots' own sites in the configured scenario per partnership, and how many evaluations gave it. */
    private Map<String, double[]> measuredFreedTime(Filter any) {
        Map<String, double[]> out = new HashMap<>();
        db.list("select r.ps, coalesce(sum(r.v3), 0) net, count(distinct r.id) n from (" + FigureRows.STORED
                + FigureRows.ROW_SCOPE + ") r where r.k = 'PILOT_SITES|MEASURED|' || cast(? as varchar) group by r.ps",
                rs -> out.put(rs.getString("ps"), new double[] {rs.getDouble("net"), rs.getLong("n")}),
                FigureRows.rowParams(any, "freedTime.values", config.dashboard().freedTimeScenario()));
        return out;
    }

    /** The median of the known values (null when none is known). */
    static Double median(List<Row> rows, Function<Row, Double> value) {
        List<Double> known = rows.stream().map(value).filter(Objects::nonNull).sorted().toList();
        if (known.isEmpty()) {
            return null;
        }
        int n = known.size();
        return n % 2 == 1 ? known.get(n / 2) : round((known.get(n / 2 - 1) + known.get(n / 2)) / 2, 3);
    }

    private static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }
}
