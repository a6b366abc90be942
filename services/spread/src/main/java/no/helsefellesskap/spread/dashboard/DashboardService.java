package no.helsefellesskap.spread.dashboard;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.codes.DatePrecision;
import no.helsefellesskap.model.codes.PersonnelGroup;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.rules.EvaluationOverdue;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.spread.config.SpreadConfig;
import no.helsefellesskap.spread.data.Db;
import no.helsefellesskap.spread.data.Json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The programme dashboard's figures, computed from the read models when asked (and kept while they are unchanged). Each figure is defined by the
 * rows it counts (one per record and bucket); counts and the records behind a figure come from the same rows, so a
 * figure can always be opened to the records it counts.
 */
@ApplicationScoped
public class DashboardService {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** Filters: a partnership code and a period (inclusive dates), each optional. */
    /** {@code includeSandbox}: count the records of test and probe organisations too (left out by default). */
    public record Filter(String partnership, LocalDate from, LocalDate to, boolean includeSandbox) {
    }

    /** One counted record under one bucket key; {@code value} carries a measure where the figure sums one. */
    /** {@code datePrecision}: how exactly {@code date} is known (DAY, MONTH, YEAR); {@code dateShown} as exactly. */
    public record Row(String key, String kind, String id, String title, String organisation, LocalDate date,
                      Double value, String datePrecision) {
    }

    public record Label(String nb, String en) {
    }

    public record Bucket(String key, Label label, long count, String records, Boolean core, String of) {
    }

    /**
     * {@code dateShown}: the date as exactly as it is known ("2019" for a year), with its {@code datePrecision};
     * {@code sources}: where a pilot's facts come from (documents and lines; empty when entered as it happens).
     */
    public record Record(String kind, String id, String title, String organisation, LocalDate date, String datePrecision,
                         String dateShown, String href, List<String> sources) {
    }

    public record Records(String figure, String key, int count, List<Record> records) {
    }

    public static final List<String> FIGURES = List.of("pilotsByStatus", "evaluatedShare", "medianMonthsToEvaluation",
            "overdueEvaluations", "spreadCurves", "partnershipPriorityGroups", "personnelGroups", "sharingDirections",
            "outcomeDimensions", "freedTime", "abandonmentReasons", "activeOrganisations", "publishedOutcomes");

    private static final Map<String, Label> FIXED = Map.ofEntries(
            Map.entry("PLANNED", new Label("Planlagt", "Planned")),
            Map.entry("RUNNING", new Label("Pågår", "Running")),
            Map.entry("COMPLETED", new Label("Fullført", "Completed")),
            Map.entry("ABANDONED", new Label("Avbrutt", "Abandoned")),
            Map.entry("EVALUATED", new Label("Evaluert", "Evaluated")),
            Map.entry("NOT_EVALUATED", new Label("Ikke evaluert", "Not evaluated")),
            Map.entry("NOT_ASSESSED", new Label("Oppgaver ikke vurdert", "Tasks not assessed")),
            Map.entry("UNKNOWN", new Label("Ukjent", "Unknown")));

    @Inject
    Db db;

    @Inject
    Vocabulary vocabulary;

    @Inject
    PersonnelGroups groups;

    @Inject
    SpreadConfig config;

    @Inject
    no.helsefellesskap.runtime.time.SuiteClock clock;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = EvaluationOverdue.SETTING, defaultValue = "12")
    int overdueAfterMonths;

    @Inject
    Json json;

    /** Figures are independent queries; computed side by side, a cold dashboard takes about half as long on 2 cores. */
    private final ExecutorService figureWorkers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "dashboard-figures");
        t.setDaemon(true);
        return t;
    });

    /** Answers by filter, each valid while the read-model state row is the version it was computed from. */
    private final Map<Filter, Cached> answers = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Filter, Cached> eldest) {
            return size() > 64;
        }
    });

    private record Cached(String version, Map<String, Object> answer) {
    }

    @PreDestroy
    void stop() {
        figureWorkers.shutdownNow();
    }

    /**
     * The figures for a filter. Every transaction that changes a read model also updates the state row (the live
     * path per event, a rebuild once), so its row version (xmin) names the read models' content: an answer computed
     * at the same version is still exact and is served again, with the {@code generatedAt} it was computed at.
     */
    public Map<String, Object> dashboard(Filter f) {
        Map<String, Object> state = db.one("select xmin::text version, events_applied, last_event_at"
                + " from read_model_state where id = 1", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("version", rs.getString("version"));
                    m.put("eventsApplied", rs.getLong("events_applied"));
                    m.put("lastEventAt", Db.instant(rs, "last_event_at"));
                    return m;
                }).orElseThrow();
        // figures that depend on the day (overdue) change at midnight without an event
        String version = state.get("version") + "/" + clock.today();
        Cached cached = answers.get(f);
        if (cached != null && cached.version().equals(version)) {
            return cached.answer();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filters", f);
        out.put("partnerships", db.list("select code, name from partnership order by name",
                rs -> Map.of("code", rs.getString(1), "name", rs.getString(2))));
        out.put("eventsApplied", state.get("eventsApplied"));
        out.put("lastEventAt", state.get("lastEventAt"));
        out.put("generatedAt", Instant.now());
        Map<String, Supplier<Object>> builders = new LinkedHashMap<>();
        builders.put("pilotsByStatus", () -> {
            Counts status = counts("pilotsByStatus", f);
            return Map.of("total", status.total(), "buckets", buckets("pilotsByStatus", f, status, this::fixed));
        });
        builders.put("evaluatedShare", () -> evaluatedShare(f));
        builders.put("medianMonthsToEvaluation", () -> median(f));
        builders.put("overdueEvaluations", () -> Map.of("count", counts("overdueEvaluations", f).total(),
                "records", link("overdueEvaluations", null, f)));
        builders.put("spreadCurves", () -> spreadCurves(f));
        builders.put("partnershipPriorityGroups", () -> matrix(f));
        builders.put("personnelGroups", () -> Map.of("buckets", buckets("personnelGroups", f,
                counts("personnelGroups", f), this::group)));
        builders.put("sharingDirections", () -> Map.of("buckets", buckets("sharingDirections", f,
                counts("sharingDirections", f), k -> term(Vocabulary.SHARING_DIRECTION, k))));
        builders.put("outcomeDimensions", () -> Map.of("buckets", buckets("outcomeDimensions", f,
                counts("outcomeDimensions", f), k -> term(Vocabulary.OUTCOME_DIMENSION, k))));
        builders.put("freedTime", () -> freedTime(f));
        builders.put("abandonmentReasons", () -> Map.of("buckets", buckets("abandonmentReasons", f,
                counts("abandonmentReasons", f),
                k -> term(Vocabulary.ABANDONMENT_REASON, k.substring(k.indexOf('/') + 1)))));
        builders.put("activeOrganisations", () -> Map.of("buckets", buckets("activeOrganisations", f,
                counts("activeOrganisations", f), k -> term(Vocabulary.ORGANISATION_KIND, k))));
        builders.put("publishedOutcomes", () -> publishedOutcomes(f));
        Map<String, Future<Object>> running = new LinkedHashMap<>();
        builders.forEach((name, b) -> running.put(name, figureWorkers.submit(b::get)));
        Map<String, Object> figures = new LinkedHashMap<>();
        running.forEach((name, future) -> figures.put(name, result(future)));
        out.put("figures", figures);
        Map<String, Object> answer = Collections.unmodifiableMap(out);
        answers.put(f, new Cached(version, answer));
        return answer;
    }

    private static Object result(Future<Object> figure) {
        try {
            return figure.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the dashboard", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The records a figure counts under one key (all of the figure's records when the key is null). */
    public Records records(String figure, String key, Filter f) {
        if (!FIGURES.contains(figure)) {
            throw ProblemException.invalid("figure", "unknown figure '" + figure + "'; one of " + FIGURES);
        }
        Map<String, Record> unique = new LinkedHashMap<>();
        for (Query q : queries(figure, f)) {
            String sql = key == null ? q.sql() : "select * from (" + q.sql() + ") x where x.k = ?";
            Object[] params = key == null ? q.params() : append(q.params(), key);
            for (Row r : db.list(sql, this::row, params)) {
                unique.putIfAbsent(r.kind() + "/" + r.id(), new Record(r.kind(), r.id(), r.title(), r.organisation(),
                        r.date(), r.datePrecision(), DatePrecision.shown(r.date(), r.datePrecision()), href(r),
                        List.of()));
            }
        }
        String[] pilotIds = unique.values().stream().filter(r -> "pilot".equals(r.kind())).map(Record::id)
                .toArray(String[]::new);
        Map<String, List<String>> sources = new HashMap<>();
        if (pilotIds.length > 0) {
            db.list("select pilot_id::text, sources::text from pilot where pilot_id::text = any(?)",
                    rs -> sources.put(rs.getString(1), json.strings(rs.getString(2))), (Object) pilotIds);
        }
        List<Record> list = unique.values().stream().map(r -> sources.containsKey(r.id()) && "pilot".equals(r.kind())
                ? new Record(r.kind(), r.id(), r.title(), r.organisation(), r.date(), r.datePrecision(), r.dateShown(),
                r.href(), sources.get(r.id())) : r).toList();
        return new Records(figure, key, list.size(), list);
    }

    /** Pilots open in this service's API; evaluations and adoptions are named by id (their owners' services). */
    private static String href(Row r) {
        return "pilot".equals(r.kind()) ? "/api/pilots/" + r.id() : null;
    }

    // ---- figures built on rows

    private Map<String, Object> evaluatedShare(Filter f) {
        Counts counts = counts("evaluatedShare", f);
        long completed = counts.total();
        long evaluated = counts.byKey().getOrDefault("EVALUATED", 0L);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("completed", completed);
        m.put("evaluated", evaluated);
        m.put("share", completed == 0 ? null : round(evaluated / (double) completed, 3));
        m.put("records", link("evaluatedShare", null, f));
        m.put("buckets", buckets("evaluatedShare", f, counts, this::fixed));
        return m;
    }

    private Map<String, Object> median(Filter f) {
        // percentile_cont(0.5): the middle value, or the mean of the two middle ones
        Query q = queries("medianMonthsToEvaluation", f).get(0);
        Object[] medianAndCount = db.one("select percentile_cont(0.5) within group (order by v), count(*) from ("
                + q.sql() + ") x", rs -> new Object[] {rs.getObject(1), rs.getInt(2)}, q.params()).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", medianAndCount[0] == null ? null : round(((Number) medianAndCount[0]).doubleValue(), 1));
        m.put("count", medianAndCount[1]);
        // completed pilots with published evaluations none of whose reports has a known date: not in the median
        m.put("unknownDates", db.one("select count(*) from (" + pilotScope("""
                select 'ALL' k, p.pilot_id::text id, p.owner_orgnr org, %s d, p.partnership ps from pilot p
                where p.completed_on is not null and exists (select 1 from evaluation e where e.pilot_id = p.pilot_id
                  and e.published_at is not null) and not exists (select 1 from evaluation e where e.pilot_id = p.pilot_id
                  and e.published_at is not null and e.report_published_on is not null)""", "p.completed_on") + ") u",
                rs -> rs.getInt(1), params(f)).orElse(0));
        m.put("records", link("medianMonthsToEvaluation", null, f));
        return m;
    }

    /** The scopes and bases of freed time, headline first: what was measured at the pilots' own sites. */
    static final List<List<String>> FREED_TIME_GROUPS = List.of(List.of("PILOT_SITES", "MEASURED"),
            List.of("PILOT_SITES", "ESTIMATED"), List.of("REGION", "MEASURED"), List.of("REGION", "ESTIMATED"),
            List.of("NATIONAL", "MEASURED"), List.of("NATIONAL", "ESTIMATED"));

    static final Map<String, Label> SCOPE_LABELS = Map.of(
            "PILOT_SITES", new Label("ved pilotenes egne steder", "at the pilots' own sites"),
            "REGION", new Label("for en region", "for a region"),
            "NATIONAL", new Label("for hele landet", "for the whole country"));

    /**
     * Freed time, never added across scope or basis: what was measured at the pilots' own sites (the headline
     * gross, extra and net) apart from estimates for a region or the country, each with its low, middle and high
     * scenario. Evaluations published before scope and basis were recorded form a group of their own.
     */
    private Map<String, Object> freedTime(Filter f) {
        String scenario = config.dashboard().freedTimeScenario();
        record Sum(String scope, String basis, String scenario, long evaluations, double gross, double extra, double net) {
        }
        List<Sum> sums = db.list(evaluationScope("""
                select s.value->>'scope' scope, s.value->>'basis' basis, s.value->>'scenario' scenario,
                  count(distinct e.evaluation_id) n, coalesce(sum((s.value->>'gross')::float8), 0) g,
                  coalesce(sum((s.value->>'extra')::float8), 0) x, coalesce(sum((s.value->>'net')::float8), 0) t
                from evaluation e left join pilot p on p.pilot_id = e.pilot_id
                cross join jsonb_array_elements(e.freed_time) s
                where true""") + " group by 1, 2, 3", rs -> new Sum(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)), params(f));
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
            group.put("label", freedTimeLabel(g.get(0), g.get(1)));
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

    private static Label freedTimeLabel(String scope, String basis) {
        if (scope == null || basis == null) {
            return new Label("omfang og grunnlag ikke oppgitt", "scope and basis not stated");
        }
        Label where = SCOPE_LABELS.get(scope);
        boolean measured = "MEASURED".equals(basis);
        return new Label((measured ? "Målt " : "Beregnet ") + where.nb(), (measured ? "Measured " : "Estimated ") + where.en());
    }

    /** The newest published evaluations with their outcomes as published: the figures behind the counts. */
    private Map<String, Object> publishedOutcomes(Filter f) {
        List<Map<String, Object>> items = db.list(evaluationScope("""
                select e.evaluation_id, e.pilot_id, p.title, p.owner_orgnr, e.evaluator_orgnr, e.recommendation,
                  e.published_at, e.outcomes::text outcomes
                from evaluation e left join pilot p on p.pilot_id = e.pilot_id where true""")
                + " order by e.published_at desc, e.evaluation_id limit 50", rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("evaluationId", rs.getString("evaluation_id"));
            m.put("pilotId", rs.getString("pilot_id"));
            m.put("title", rs.getString("title"));
            m.put("ownerOrgnr", rs.getString("owner_orgnr"));
            m.put("evaluatorOrgnr", rs.getString("evaluator_orgnr"));
            m.put("recommendation", rs.getString("recommendation"));
            m.put("publishedAt", Db.instant(rs, "published_at"));
            m.put("href", "/api/pilots/" + rs.getString("pilot_id"));
            List<Map<String, Object>> outcomes = new ArrayList<>();
            for (var o : json.tree(rs.getString("outcomes"))) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("dimension", term(Vocabulary.OUTCOME_DIMENSION, o.path("dimension").asText()));
                for (String field : List.of("metric", "unit", "baselineValue", "resultValue", "direction",
                        "qualitativeStatement", "source")) {
                    x.put(field, o.hasNonNull(field) ? (o.get(field).isNumber() ? o.get(field).numberValue()
                            : o.get(field).asText()) : null);
                }
                outcomes.add(x);
            }
            m.put("outcomes", outcomes);
            return m;
        }, params(f));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("records", link("publishedOutcomes", null, f));
        return m;
    }

    private List<Map<String, Object>> spreadCurves(Filter f) {
        List<Map<String, Object>> curves = new ArrayList<>();
        List<Object[]> models = db.list("""
                select model_id, max(name) name, min(proven_at) proven_at, max(proven_rule) rule,
                  (array_agg(proven_evaluation_ids::text) filter (where proven_evaluation_ids is not null))[1] ids
                from model_version where proven_at is not null or lifecycle in ('PROVEN', 'SPREADING')
                group by model_id order by min(proven_at) nulls last, max(name)""",
                rs -> new Object[] {Db.uuid(rs, "model_id"), rs.getString("name"), Db.instant(rs, "proven_at"),
                        rs.getString("rule"), rs.getString("ids")});
        List<Object[]> adoptions = db.list(adoptionScope("""
                select a.model_id, a.adopter_orgnr, a.declared_at, a.abandoned_at from adoption a
                where a.declared_at is not null"""), rs -> new Object[] {Db.uuid(rs, "model_id"),
                rs.getString("adopter_orgnr"), Db.instant(rs, "declared_at"), Db.instant(rs, "abandoned_at")},
                params(f));
        for (Object[] m : models) {
            UUID model = (UUID) m[0];
            // per adopter: first declaration, and abandonment if every adoption of it was abandoned
            Map<String, YearMonth> joined = new TreeMap<>();
            Map<String, YearMonth> left = new TreeMap<>();
            for (Object[] a : adoptions) {
                if (!model.equals(a[0])) {
                    continue;
                }
                YearMonth in = month((Instant) a[2]);
                joined.merge((String) a[1], in, (x, y) -> x.isBefore(y) ? x : y);
                if (a[3] != null) {
                    left.merge((String) a[1], month((Instant) a[3]), (x, y) -> x.isAfter(y) ? x : y);
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
            c.put("records", link("spreadCurves", model.toString(), f));
            curves.add(c);
        }
        return curves;
    }

    private Map<String, Object> matrix(Filter f) {
        Map<String, Long> counts = new TreeMap<>(counts("partnershipPriorityGroups", f).byKey());
        Set<String> rowCodes = new LinkedHashSet<>();
        counts.keySet().forEach(k -> rowCodes.add(k.substring(0, k.indexOf('|'))));
        Map<String, String> names = new LinkedHashMap<>();
        db.list("select code, name from partnership", rs -> names.put(rs.getString(1), rs.getString(2)));
        List<Map<String, Object>> rowList = rowCodes.stream()
                .map(c -> Map.<String, Object>of("code", c, "name", names.getOrDefault(c, c))).toList();
        List<Map<String, Object>> columns = vocabulary.codes(Vocabulary.PRIORITY_GROUP).stream()
                .map(c -> Map.<String, Object>of("key", c, "label", term(Vocabulary.PRIORITY_GROUP, c))).toList();
        List<Map<String, Object>> cells = counts.entrySet().stream().map(e -> Map.<String, Object>of(
                "row", e.getKey().substring(0, e.getKey().indexOf('|')),
                "column", e.getKey().substring(e.getKey().indexOf('|') + 1),
                "count", e.getValue(), "records", link("partnershipPriorityGroups", e.getKey(), f))).toList();
        return Map.of("rows", rowList, "columns", columns, "cells", cells);
    }

    private List<Bucket> buckets(String figure, Filter f, Counts counts, Function<String, Label> label) {
        List<Bucket> out = new ArrayList<>();
        counts.byKey().forEach((k, n) -> out.add(new Bucket(k, label.apply(k), n, link(figure, k, f),
                figure.equals("personnelGroups") ? isCore(k) : null,
                figure.equals("abandonmentReasons") ? k.substring(0, k.indexOf('/')) : null)));
        out.sort(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::key));
        if (figure.equals("pilotsByStatus")) {
            List<String> order = List.of("PLANNED", "RUNNING", "COMPLETED", "ABANDONED");
            out.sort(Comparator.comparingInt(b -> order.contains(b.key()) ? order.indexOf(b.key()) : 99));
        }
        return out;
    }

    // ---- the rows of each figure

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

    private static Object[] append(Object[] params, Object last) {
        Object[] out = Arrays.copyOf(params, params.length + 1);
        out[params.length] = last;
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
    private static String pilotScope(String select, String dateExpr) {
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
    private static String evaluationScope(String select) {
        return select + " and e.published_at is not null"
                + " and (cast(? as varchar) is null or p.partnership = cast(? as varchar))"
                + " and (cast(? as date) is null or (e.published_at at time zone 'Europe/Oslo')::date >= cast(? as date))"
                + " and (cast(? as date) is null or (e.published_at at time zone 'Europe/Oslo')::date <= cast(? as date))"
                + notSandbox("p.owner_orgnr");
    }

    /** Adoption rows whose adopter is a member of the partnership, dated in the period. */
    private static String adoptionScope(String select) {
        return adoptionScope(select, "a.declared_at");
    }

    private static String adoptionScope(String select, String at) {
        String day = "(" + at + " at time zone 'Europe/Oslo')::date";
        return select
                + " and (cast(? as varchar) is null or exists (select 1 from partnership ps join organisation o"
                + " on o.orgnr = a.adopter_orgnr where ps.code = cast(? as varchar)"
                + " and ps.members @> jsonb_build_array(jsonb_build_object('organisation', o.code))))"
                + " and (cast(? as date) is null or " + day + " >= cast(? as date))"
                + " and (cast(? as date) is null or " + day + " <= cast(? as date))" + notSandbox("a.adopter_orgnr");
    }

    /** The filter parameters every scope takes (partnership, from, to, each twice; sandbox), after the query's own. */
    private static Object[] params(Filter f, Object... first) {
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

    private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
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

    // ---- labels and helpers

    private Label fixed(String k) {
        return FIXED.getOrDefault(k, new Label(k, k));
    }

    private Label term(String list, String k) {
        if (FIXED.containsKey(k)) {
            return FIXED.get(k);
        }
        return new Label(vocabulary.nameNb(list, k), vocabulary.nameEn(list, k));
    }

    private Label group(String code) {
        return groups.byCode(code).map(g -> new Label(g.nameNb(), g.nameEn())).orElse(new Label(code, code));
    }

    private boolean isCore(String code) {
        List<String> core = config.dashboard().coreGroups();
        if (core.contains(code)) {
            return true;
        }
        return groups.byCode(code).map(PersonnelGroup::alsoAuthorisedAs).orElse(List.of()).stream()
                .anyMatch(core::contains);
    }

    private static String link(String figure, String key, Filter f) {
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


    private static YearMonth month(Instant i) {
        return YearMonth.from(i.atZone(OSLO));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
