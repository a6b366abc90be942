package no.helsefellesskap.spread.projection.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.helsefellesskap.model.codes.DatePrecision;
import no.helsefellesskap.model.rules.RunChart;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.json.JsonText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pilots as the spread service knows them from events, with their evaluations: what dashboard figures link to. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/pilots")
public class PilotFeedResource {

    public record EvaluationRef(UUID evaluationId, String evaluatorOrgnr, String design, Instant draftedAt,
                                Instant publishedAt, String recommendation, String evidenceLevel,
                                JsonNode outcomeDimensions, JsonNode freedTime, JsonNode outcomes) {
    }

    public record PilotOutcome(UUID pilotId, String title, String ownerOrgnr, String status, String partnership,
                               JsonNode priorityGroups, JsonNode fromGroups, JsonNode toGroups, JsonNode partnerOrgnrs,
                               JsonNode partnerAnswers, UUID modelId, Integer modelVersion, Instant registeredAt,
                               LocalDate startedOn, LocalDate completedOn, LocalDate abandonedOn,
                               String abandonmentReason, LocalDate evaluationOverdueSince,
                               List<EvaluationRef> evaluations, Dates dates, JsonNode sources,
                               String contactMailbox, JsonNode details, Map<String, String> organisationNames,
                               String modelName) {
    }

    /**
     * Each of the pilot's dates as exactly as its source gives it ("2019" for a year, "2019-07" for a month), its
     * precision and its source: {@code startedOn} and the like are the first day of that year or month.
     */
    public record Dates(DatedFact started, DatedFact completed, DatedFact abandoned) {
    }

    public record DatedFact(String shown, String precision, String source) {
        static DatedFact of(LocalDate date, String precision, String source) {
            return date == null ? null : new DatedFact(DatePrecision.shown(date, precision), precision, source);
        }
    }

    @Inject
    Db db;

    @Inject
    JsonText json;

    /** Largest page a caller may ask for; the default keeps one response small at any data volume. */
    static final int MAX_LIMIT = 1000;

    /**
     * One page of pilots, oldest registration first (then id, so pages never overlap). The body stays a list; the
     * total is in {@code X-Total-Count} and the next page in a {@code Link: rel="next"} header (RFC 8288).
     */
    @Operation(operationId = "listPilots", summary = "Pilots with their evaluations, a page at a time")
    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("partnership") String partnership,
                         @QueryParam("limit") String limitParam, @QueryParam("offset") String offsetParam,
                         @Context UriInfo uri) {
        int limit = number("limit", limitParam, 100, 1, MAX_LIMIT);
        int offset = number("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        String where = "where (cast(? as varchar) is null or status = cast(? as varchar)) "
                + "and (cast(? as varchar) is null or partnership = cast(? as varchar))";
        Object[] filter = {status, status, partnership, partnership};
        long total = db.one("select count(*) from pilot " + where, rs -> rs.getLong(1), filter).orElse(0L);
        String page = "select * from pilot " + where + " order by registered_at, pilot_id limit ? offset ?";
        Object[] paged = {status, status, partnership, partnership, limit, offset};
        // the page's evaluations in one query, not one per pilot
        Map<UUID, List<EvaluationRef>> evaluations = new HashMap<>();
        db.list("select e.* from evaluation e where e.pilot_id in (select pilot_id from (" + page + ") p)"
                + " order by e.drafted_at nulls last, e.published_at", rs -> evaluations
                .computeIfAbsent(Db.uuid(rs, "pilot_id"), k -> new ArrayList<>()).add(evaluation(rs)), paged);
        List<PilotOutcome> pilots = db.list(page, rs -> view(rs, evaluations.getOrDefault(Db.uuid(rs, "pilot_id"),
                List.of())), paged);
        Response.ResponseBuilder r = Response.ok(pilots).header("X-Total-Count", total);
        if (offset + pilots.size() < total) {
            r.link(uri.getRequestUriBuilder().replaceQueryParam("limit", limit)
                    .replaceQueryParam("offset", offset + pilots.size()).build(), "next");
        }
        return r.build();
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }

    /** One pilot, with the names of the organisations it mentions (owner, partners, evaluators) and of its model. */
    @Operation(operationId = "getPilot", summary = "One pilot with its evaluations and run charts")
    @GET
    @Path("{id}")
    public PilotOutcome get(@PathParam("id") UUID id) {
        PilotOutcome p = db.one("select * from pilot where pilot_id = ?", rs -> view(rs, evaluations(id)), id)
                .orElseThrow(() -> ProblemException.notFound("Pilot", id));
        List<String> orgnrs = new ArrayList<>();
        orgnrs.add(p.ownerOrgnr());
        if (p.partnerOrgnrs() != null) {
            p.partnerOrgnrs().forEach(n -> orgnrs.add(n.asText()));
        }
        p.evaluations().forEach(e -> orgnrs.add(e.evaluatorOrgnr()));
        Map<String, String> names = new java.util.TreeMap<>();
        db.list("""
                        select distinct on (orgnr) orgnr, name from organisation where orgnr = any(?)
                         order by orgnr, (parent is null) desc, code""",
                rs -> names.put(Db.trimmed(rs, "orgnr"), rs.getString("name")),
                (Object) orgnrs.stream().filter(java.util.Objects::nonNull).distinct().toArray(String[]::new));
        String modelName = p.modelId() == null ? null : db.one(
                "select name from model_version where model_id = ? and version = coalesce(cast(? as int), version) order by version desc limit 1",
                rs -> rs.getString("name"), p.modelId(), p.modelVersion()).orElse(null);
        return new PilotOutcome(p.pilotId(), p.title(), p.ownerOrgnr(), p.status(), p.partnership(), p.priorityGroups(),
                p.fromGroups(), p.toGroups(), p.partnerOrgnrs(), p.partnerAnswers(), p.modelId(), p.modelVersion(),
                p.registeredAt(), p.startedOn(), p.completedOn(), p.abandonedOn(), p.abandonmentReason(),
                p.evaluationOverdueSince(), p.evaluations(), p.dates(), p.sources(), p.contactMailbox(), p.details(),
                names, modelName);
    }

    private List<EvaluationRef> evaluations(UUID pilot) {
        return db.list("select * from evaluation where pilot_id = ? order by drafted_at nulls last, published_at",
                this::evaluation, pilot);
    }

    private EvaluationRef evaluation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EvaluationRef(Db.uuid(rs, "evaluation_id"), rs.getString("evaluator_orgnr"), rs.getString("design"),
                Db.instant(rs, "drafted_at"), Db.instant(rs, "published_at"), rs.getString("recommendation"),
                rs.getString("evidence_level"), json.tree(rs.getString("outcome_dimensions")),
                json.tree(rs.getString("freed_time")), withRunCharts(json.tree(rs.getString("outcomes"))));
    }

    /**
     * An outcome reported as a series of measurements gets its run chart: the median, the run rules' signals per
     * point and the runs that make them ({@link RunChart}), computed when read so a change of rule needs no replay.
     */
    private JsonNode withRunCharts(JsonNode outcomes) {
        for (JsonNode o : outcomes) {
            JsonNode series = o.path("series");
            if (o instanceof ObjectNode outcome && series.isArray() && !series.isEmpty()) {
                List<Double> values = new ArrayList<>();
                series.forEach(m -> values.add(m.path("value").isNumber() ? m.path("value").asDouble() : null));
                if (values.stream().allMatch(v -> v != null && Double.isFinite(v))) {
                    outcome.set("runChart", json.mapper().valueToTree(RunChart.analyse(values)));
                }
            }
        }
        return outcomes;
    }

    private PilotOutcome view(java.sql.ResultSet rs, List<EvaluationRef> evaluations) throws java.sql.SQLException {
        return new PilotOutcome(Db.uuid(rs, "pilot_id"), rs.getString("title"), rs.getString("owner_orgnr"),
                rs.getString("status"), rs.getString("partnership"), json.tree(rs.getString("priority_groups")),
                json.tree(rs.getString("from_groups")), json.tree(rs.getString("to_groups")),
                json.tree(rs.getString("partner_orgnrs")), json.tree(rs.getString("partner_answers")), Db.uuid(rs, "model_id"),
                (Integer) rs.getObject("model_version"), Db.instant(rs, "registered_at"), Db.date(rs, "started_on"),
                Db.date(rs, "completed_on"), Db.date(rs, "abandoned_on"), rs.getString("abandonment_reason"),
                Db.date(rs, "overdue_since"), evaluations, new Dates(
                        DatedFact.of(Db.date(rs, "started_on"), rs.getString("started_precision"), rs.getString("started_source")),
                        DatedFact.of(Db.date(rs, "completed_on"), rs.getString("completed_precision"), rs.getString("completed_source")),
                        DatedFact.of(Db.date(rs, "abandoned_on"), rs.getString("abandoned_precision"), rs.getString("abandoned_source"))),
                json.tree(rs.getString("sources")), rs.getString("contact_mailbox"), json.tree(rs.getString("details")),
                Map.of(), null);
    }

}
