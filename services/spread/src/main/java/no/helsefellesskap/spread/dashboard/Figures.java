package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.spread.config.SpreadConfig;
import no.helsefellesskap.spread.dashboard.DashboardService.Filter;
import no.helsefellesskap.spread.dashboard.FigureLabels.Label;
import no.helsefellesskap.spread.dashboard.FigureRows.Counts;
import no.helsefellesskap.spread.dashboard.FigureRows.Query;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.json.JsonText;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The thirteen figures, each computed on its own from the rows {@link FigureRows} defines: one short method per figure,
 * in one class (a little over 300 lines) so the answer's whole shape is read in one place.
 */
@ApplicationScoped
public class Figures {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    public record Bucket(String key, Label label, long count, String records, Boolean core, String of) {
    }

    @Inject
    Db db;

    @Inject
    JsonText json;

    @Inject
    Vocabulary vocabulary;

    @Inject
    SpreadConfig config;

    @Inject
    FigureRows rows;

    @Inject
    FigureLabels labels;

    @Inject
    SpreadCurves curves;

    @Inject
    PartnershipComparison comparison;

    /** Every figure for a filter, by name, in the order the page shows them; each computed when called. */
    Map<String, Supplier<Object>> all(Filter f) {
        Map<String, Supplier<Object>> builders = new LinkedHashMap<>();
        builders.put("pilotsByStatus", () -> {
            Counts status = rows.counts("pilotsByStatus", f);
            return Map.of("total", status.total(), "buckets", buckets("pilotsByStatus", f, status, labels::fixed));
        });
        builders.put("evaluatedShare", () -> evaluatedShare(f));
        builders.put("medianMonthsToEvaluation", () -> median(f));
        builders.put("overdueEvaluations", () -> Map.of("count", rows.counts("overdueEvaluations", f).total(),
                "records", link("overdueEvaluations", null, f)));
        builders.put("provenAdoptions", () -> Map.of("count", rows.counts("provenAdoptions", f).total(),
                "records", link("provenAdoptions", null, f)));
        builders.put("spreadCurves", () -> curves.curves(f));
        builders.put("partnershipComparison", () -> comparison.compare(f));
        builders.put("partnershipPriorityGroups", () -> matrix(f));
        builders.put("personnelGroups", () -> Map.of("buckets", buckets("personnelGroups", f,
                rows.counts("personnelGroups", f), labels::group)));
        builders.put("sharingDirections", () -> Map.of("buckets", buckets("sharingDirections", f,
                rows.counts("sharingDirections", f), k -> labels.term(Vocabulary.SHARING_DIRECTION, k))));
        builders.put("outcomeDimensions", () -> Map.of("buckets", buckets("outcomeDimensions", f,
                rows.counts("outcomeDimensions", f), k -> labels.term(Vocabulary.OUTCOME_DIMENSION, k))));
        builders.put("freedTime", () -> freedTime(f));
        builders.put("abandonmentReasons", () -> Map.of("buckets", buckets("abandonmentReasons", f,
                rows.counts("abandonmentReasons", f),
                k -> labels.term(Vocabulary.ABANDONMENT_REASON, k.substring(k.indexOf('/') + 1)))));
        builders.put("activeOrganisations", () -> Map.of("buckets", buckets("activeOrganisations", f,
                rows.counts("activeOrganisations", f), k -> labels.term(Vocabulary.ORGANISATION_KIND, k))));
        builders.put("publishedOutcomes", () -> publishedOutcomes(f));
        return builders;
    }


    Map<String, Object> evaluatedShare(Filter f) {
        Counts counts = rows.counts("evaluatedShare", f);
        long completed = counts.total();
        long evaluated = counts.byKey().getOrDefault("EVALUATED", 0L);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("completed", completed);
        m.put("evaluated", evaluated);
        m.put("share", completed == 0 ? null : round(evaluated / (double) completed, 3));
        m.put("records", link("evaluatedShare", null, f));
        m.put("buckets", buckets("evaluatedShare", f, counts, labels::fixed));
        return m;
    }

    private Map<String, Object> median(Filter f) {
        // percentile_cont(0.5): the middle value, or the mean of the two middle ones
        Query q = rows.queries("medianMonthsToEvaluation", f).get(0);
        Object[] medianAndCount = db.one("select percentile_cont(0.5) within group (order by v), count(*) from ("
                + q.sql() + ") x", rs -> new Object[] {rs.getObject(1), rs.getInt(2)}, q.params()).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", medianAndCount[0] == null ? null : round(((Number) medianAndCount[0]).doubleValue(), 1));
        m.put("count", medianAndCount[1]);
        // completed pilots with published evaluations none of whose reports has a known date: not in the median
        // completed pilots with published evaluations none of whose reports has a known date: not in the median
        m.put("unknownDates", rows.counts("medianMonthsToEvaluation.unknownDates", f).total());
        m.put("records", link("medianMonthsToEvaluation", null, f));
        return m;
    }

    /** The scopes and bases of freed time, headline first: what was measured at the pilots' own sites. */
    static final List<List<String>> FREED_TIME_GROUPS = List.of(List.of("PILOT_SITES", "MEASURED"),
            List.of("PILOT_SITES", "ESTIMATED"), List.of("REGION", "MEASURED"), List.of("REGION", "ESTIMATED"),
            List.of("NATIONAL", "MEASURED"), List.of("NATIONAL", "ESTIMATED"));

    /**
     * Freed time, never added across scope or basis: what was measured at the pilots' own sites (the headline
     * gross, extra and net) apart from estimates for a region or the country, each with its low, middle and high
     * scenario. Evaluations published before scope and basis were recorded form a group of their own.
     */
    private Map<String, Object> freedTime(Filter f) {
        String scenario = config.dashboard().freedTimeScenario();
        record Sum(String scope, String basis, String scenario, long evaluations, double gross, double extra, double net) {
        }
        List<Sum> sums = db.list("select r.k, count(distinct r.id) n, coalesce(sum(r.v), 0) g,"
                + " coalesce(sum(r.v2), 0) x, coalesce(sum(r.v3), 0) t from (" + FigureRows.STORED
                + FigureRows.ROW_SCOPE + ") r group by r.k", rs -> {
                    String[] k = rs.getString("k").split("\\|", -1);
                    return new Sum(blankAsNull(k[0]), blankAsNull(k[1]), blankAsNull(k[2]), rs.getLong("n"),
                            rs.getDouble("g"), rs.getDouble("x"), rs.getDouble("t"));
                }, FigureRows.rowParams(f, "freedTime.values"));
        List<Map<String, Object>> groups = new ArrayList<>();
        List<List<String>> order = new ArrayList<>(FREED_TIME_GROUPS);
        order.add(java.util.Arrays.asList(null, null));
        for (List<String> g : order) {
            List<Sum> mine = sums.stream().filter(x -> java.util.Objects.equals(x.scope(), g.get(0))
                    && java.util.Objects.equals(x.basis(), g.get(1))).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("scope", g.get(0));
            group.put("basis", g.get(1));
            group.put("label", FigureLabels.freedTimeLabel(g.get(0), g.get(1)));
            group.put("evaluations", mine.stream().mapToLong(Sum::evaluations).max().orElse(0));
            for (Sum x : mine) {
                group.put(x.scenario(), Map.of("gross", round(x.gross(), 1), "extra", round(x.extra(), 1),
                        "net", round(x.net(), 1)));
            }
            groups.add(group);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", new Label("årsverk", "full-time equivalents"));
        m.put("scenario", scenario);
        m.put("evaluations", sums.stream().filter(x -> x.scenario().equals(scenario)).mapToLong(Sum::evaluations).sum());
        Map<String, Object> realised = groups.stream().filter(g -> "PILOT_SITES".equals(g.get("scope"))
                && "MEASURED".equals(g.get("basis"))).findFirst().orElse(null);
        @SuppressWarnings("unchecked")
        Map<String, Object> headline = realised == null ? null : (Map<String, Object>) realised.get(scenario);
        // the headline is what was realised and measured; with nothing measured it is unknown, never an estimate
        m.put("headline", new Label("målt ved pilotenes egne steder", "measured at the pilots' own sites"));
        m.put("realisedEvaluations", realised == null ? 0 : realised.get("evaluations"));
        m.put("gross", headline == null ? null : headline.get("gross"));
        m.put("extra", headline == null ? null : headline.get("extra"));
        m.put("net", headline == null ? null : headline.get("net"));
        m.put("groups", groups);
        m.put("records", link("freedTime", null, f));
        return m;
    }

    /** Published results shown on the dashboard's first page; the rest are searched and paged. */
    static final int PUBLISHED_PAGE = 10;
    static final int PUBLISHED_PAGE_MAX = 100;

    private Map<String, Object> publishedOutcomes(Filter f) {
        return publishedOutcomes(f, null, 0, PUBLISHED_PAGE);
    }

    /**
     * Published evaluations with their outcomes as published, newest first, a page at a time: {@code q} finds a
     * word in the pilot's title or in an outcome (dimension code, metric, statement, source), case-insensitively.
     */
    public Map<String, Object> publishedOutcomes(Filter f, String q, int offset, int limit) {
        String query = q == null || q.isBlank() ? null : "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        String where = FigureRows.evaluationScope("""
                from evaluation e left join pilot p on p.pilot_id = e.pilot_id where true""")
                + " and (cast(? as varchar) is null or p.title ilike cast(? as varchar)"
                + " or e.outcomes::text ilike cast(? as varchar))";
        Object[] params = FigureRows.append(FigureRows.params(f), query, query, query);
        // without a search, the published evaluations in scope are the figure's own rows, counted from their counts
        long total = query == null ? rows.counts("publishedOutcomes", f).total()
                : db.one("select count(*) " + where, rs -> rs.getLong(1), params).orElse(0L);
        List<Map<String, Object>> items = db.list("""
                select x.*, (select o.outcomes::text from evaluation o where o.evaluation_id = x.evaluation_id) outcomes
                from (select e.evaluation_id, e.pilot_id, p.title, p.owner_orgnr, e.evaluator_orgnr, e.recommendation,
                  e.published_at""" + " " + where + " order by e.published_at desc, e.evaluation_id limit ? offset ?) x"
                // the outcomes (large JSON) are read for the page's rows only, not for every row the sort sees
                + " order by x.published_at desc, x.evaluation_id", rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("evaluationId", rs.getString("evaluation_id"));
            m.put("pilotId", rs.getString("pilot_id"));
            m.put("title", rs.getString("title"));
            m.put("ownerOrgnr", rs.getString("owner_orgnr"));
            m.put("evaluatorOrgnr", rs.getString("evaluator_orgnr"));
            m.put("recommendation", rs.getString("recommendation"));
            m.put("publishedAt", Db.instant(rs, "published_at"));
            m.put("href", "/pilot.html?id=" + rs.getString("pilot_id"));
            List<Map<String, Object>> outcomes = new ArrayList<>();
            for (var o : json.tree(rs.getString("outcomes"))) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("dimension", labels.term(Vocabulary.OUTCOME_DIMENSION, o.path("dimension").asText()));
                for (String field : List.of("metric", "unit", "baselineValue", "resultValue", "direction",
                        "qualitativeStatement", "source")) {
                    x.put(field, o.hasNonNull(field) ? (o.get(field).isNumber() ? o.get(field).numberValue()
                            : o.get(field).asText()) : null);
                }
                x.put("measurements", o.path("series").size());
                outcomes.add(x);
            }
            m.put("outcomes", outcomes);
            return m;
        }, FigureRows.append(params, limit, offset));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("total", total);
        m.put("offset", offset);
        m.put("limit", limit);
        m.put("q", q == null || q.isBlank() ? null : q.strip());
        m.put("records", link("publishedOutcomes", null, f));
        return m;
    }

    private Map<String, Object> matrix(Filter f) {
        Map<String, Long> counts = new TreeMap<>(rows.counts("partnershipPriorityGroups", f).byKey());
        Set<String> rowCodes = new LinkedHashSet<>();
        counts.keySet().forEach(k -> rowCodes.add(k.substring(0, k.indexOf('|'))));
        Map<String, String> names = new LinkedHashMap<>();
        db.list("select code, name from partnership", rs -> names.put(rs.getString(1), rs.getString(2)));
        List<Map<String, Object>> rowList = rowCodes.stream()
                .map(c -> Map.<String, Object>of("code", c, "name", names.getOrDefault(c, c))).toList();
        List<Map<String, Object>> columns = vocabulary.codes(Vocabulary.PRIORITY_GROUP).stream()
                .map(c -> Map.<String, Object>of("key", c, "label", labels.term(Vocabulary.PRIORITY_GROUP, c))).toList();
        List<Map<String, Object>> cells = counts.entrySet().stream().map(e -> Map.<String, Object>of(
                "row", e.getKey().substring(0, e.getKey().indexOf('|')),
                "column", e.getKey().substring(e.getKey().indexOf('|') + 1),
                "count", e.getValue(), "records", link("partnershipPriorityGroups", e.getKey(), f))).toList();
        return Map.of("rows", rowList, "columns", columns, "cells", cells);
    }

    private List<Bucket> buckets(String figure, Filter f, Counts counts, Function<String, Label> label) {
        List<Bucket> out = new ArrayList<>();
        counts.byKey().forEach((k, n) -> out.add(new Bucket(k, label.apply(k), n, link(figure, k, f),
                figure.equals("personnelGroups") ? labels.isCore(k) : null,
                figure.equals("abandonmentReasons") ? k.substring(0, k.indexOf('/')) : null)));
        out.sort(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::key));
        if (figure.equals("pilotsByStatus")) {
            List<String> order = List.of("PLANNED", "RUNNING", "COMPLETED", "ABANDONED");
            out.sort(Comparator.comparingInt(b -> order.contains(b.key()) ? order.indexOf(b.key()) : 99));
        }
        return out;
    }

    static String link(String figure, String key, Filter f) {
        StringBuilder sb = new StringBuilder("/api/dashboard/records?figure=").append(figure);
        if (key != null) {
            sb.append("&key=").append(java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (f.partnership() != null) {
            sb.append("&partnership=").append(java.net.URLEncoder.encode(f.partnership(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (f.from() != null) {
            sb.append("&from=").append(f.from());
        }
        if (f.to() != null) {
            sb.append("&to=").append(f.to());
        }
        if (f.includeSandbox()) {
            sb.append("&includeSandbox=true");
        }
        return sb.toString();
    }


    static YearMonth month(Instant i) {
        return YearMonth.from(i.atZone(OSLO));
    }

    private static String blankAsNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
