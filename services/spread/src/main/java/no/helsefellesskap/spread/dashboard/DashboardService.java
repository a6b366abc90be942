package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.inject.Inject;
import no.helsefellesskap.model.codes.DatePrecision;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.json.JsonText;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The programme dashboard: its figures ({@link Figures}, defined by the rows {@link FigureRows} counts), computed
 * from the read models when asked and kept while they are unchanged, and the records behind each number.
 */
@ApplicationScoped
public class DashboardService {

    /**
     * Filters: a partnership code and a period (inclusive dates), each optional; {@code includeSandbox} counts the
     * records of test and probe organisations too (left out by default).
     */
    public record Filter(String partnership, LocalDate from, LocalDate to, boolean includeSandbox) {
    }

    /**
     * {@code dateShown}: the date as exactly as it is known ("2019" for a year), with its {@code datePrecision};
     * {@code sources}: where a pilot's facts come from (documents and lines; empty when entered as it happens).
     */
    public record Record(String kind, String id, String title, String organisation, String organisationName,
                         LocalDate date, String datePrecision, String dateShown, String href, List<String> sources) {
    }

    public record Records(String figure, String key, int count, List<Record> records) {
    }

    public static final List<String> FIGURES = List.of("pilotsByStatus", "evaluatedShare", "medianMonthsToEvaluation",
            "overdueEvaluations", "spreadCurves", "partnershipPriorityGroups", "personnelGroups", "sharingDirections",
            "outcomeDimensions", "freedTime", "abandonmentReasons", "activeOrganisations", "publishedOutcomes",
            "provenAdoptions");

    @Inject
    Db db;

    @Inject
    Figures figures;

    @Inject
    FigureRows rows;

    @Inject
    no.helsefellesskap.runtime.time.SuiteClock clock;

    @Inject
    JsonText json;

    /** Figures are independent queries; computed side by side, a cold dashboard takes about half as long on 2 cores. */
    @Inject
    ManagedExecutor workers;

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
        return answer(f, state.get("version") + "/" + clock.today(), state);
    }

    /** Kept per filter and read-model version (cache "dashboard", its size in application.properties). */
    @CacheResult(cacheName = "dashboard")
    Map<String, Object> answer(@CacheKey Filter f, @CacheKey String version, Map<String, Object> state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filters", f);
        out.put("partnerships", partnerships());
        out.put("eventsApplied", state.get("eventsApplied"));
        out.put("lastEventAt", state.get("lastEventAt"));
        out.put("generatedAt", Instant.now());
        Map<String, CompletableFuture<Object>> running = new LinkedHashMap<>();
        figures.all(f).forEach((name, b) -> running.put(name, workers.supplyAsync(b)));
        Map<String, Object> computed = new LinkedHashMap<>();
        running.forEach((name, future) -> computed.put(name, result(future)));
        out.put("figures", computed);
        return Collections.unmodifiableMap(out);
    }

    /** Published results beyond the dashboard's first page: searched and paged ({@link Figures#publishedOutcomes}). */
    public Map<String, Object> publishedOutcomes(Filter f, String q, int offset, int limit) {
        return figures.publishedOutcomes(f, q, offset, limit);
    }

    /** Every partnership known to the read model, by name: what a filter may name. */
    public List<Map<String, String>> partnerships() {
        return db.list("select code, name from partnership order by name",
                rs -> Map.of("code", rs.getString(1), "name", rs.getString(2)));
    }

    private static Object result(CompletableFuture<Object> figure) {
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
        Map<String, FigureRows.Row> unique = new LinkedHashMap<>();
        for (FigureRows.Query q : rows.queries(figure, f)) {
            String sql = key == null ? q.sql() : "select * from (" + q.sql() + ") x where x.k = ?";
            Object[] params = key == null ? q.params() : FigureRows.append(q.params(), key);
            for (FigureRows.Row r : db.list(sql, rows::row, params)) {
                unique.putIfAbsent(r.kind() + "/" + r.id(), r);
            }
        }
        // each record opens a page: a pilot its own, an evaluation its pilot's, an adoption its model's
        Map<String, String> hrefs = new HashMap<>();
        Map<String, List<String>> sources = new HashMap<>();
        String[] pilots = ids(unique, "pilot");
        if (pilots.length > 0) {
            db.list("select pilot_id::text, sources::text from pilot where pilot_id = any(cast(? as uuid[]))",
                    rs -> sources.put(rs.getString(1), json.strings(rs.getString(2))), (Object) pilots);
            for (String id : pilots) {
                hrefs.put("pilot/" + id, "/pilot.html?id=" + id);
            }
        }
        String[] evaluations = ids(unique, "evaluation");
        if (evaluations.length > 0) {
            db.list("select evaluation_id::text, pilot_id::text from evaluation"
                    + " where evaluation_id = any(cast(? as uuid[]))",
                    rs -> hrefs.put("evaluation/" + rs.getString(1), "/pilot.html?id=" + rs.getString(2)),
                    (Object) evaluations);
        }
        String[] adoptions = ids(unique, "adoption");
        if (adoptions.length > 0) {
            db.list("select adoption_id::text, model_id::text from adoption where adoption_id = any(cast(? as uuid[]))",
                    rs -> hrefs.put("adoption/" + rs.getString(1), "/model.html?id=" + rs.getString(2)),
                    (Object) adoptions);
        }
        Map<String, String> names = new HashMap<>();
        String[] orgnrs = unique.values().stream().map(FigureRows.Row::organisation).filter(java.util.Objects::nonNull)
                .distinct().toArray(String[]::new);
        if (orgnrs.length > 0) {
            db.list("select distinct on (orgnr) orgnr, name from organisation where orgnr = any(?)"
                    + " order by orgnr, valid_to desc nulls first", rs -> names.put(rs.getString(1), rs.getString(2)),
                    (Object) orgnrs);
        }
        List<Record> list = unique.values().stream().map(r -> new Record(r.kind(), r.id(), r.title(), r.organisation(),
                names.get(r.organisation()), r.date(), r.datePrecision(), DatePrecision.shown(r.date(), r.datePrecision()),
                hrefs.get(r.kind() + "/" + r.id()), "pilot".equals(r.kind()) ? sources.getOrDefault(r.id(), List.of())
                : List.of())).toList();
        return new Records(figure, key, list.size(), list);
    }

    private static String[] ids(Map<String, FigureRows.Row> rows, String kind) {
        return rows.values().stream().filter(r -> kind.equals(r.kind())).map(FigureRows.Row::id).toArray(String[]::new);
    }

}
