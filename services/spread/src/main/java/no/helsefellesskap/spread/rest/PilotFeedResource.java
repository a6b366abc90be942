package no.helsefellesskap.spread.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.spread.service.Db;
import no.helsefellesskap.spread.service.Json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Pilots as the spread service knows them from events, with their evaluations: what dashboard figures link to. */
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
                               List<EvaluationRef> evaluations) {
    }

    @Inject
    Db db;

    @Inject
    Json json;

    @GET
    public List<PilotOutcome> list(@QueryParam("status") String status, @QueryParam("partnership") String partnership) {
        return db.list("select * from pilot where (cast(? as varchar) is null or status = cast(? as varchar)) "
                        + "and (cast(? as varchar) is null or partnership = cast(? as varchar)) order by registered_at",
                rs -> view(rs, evaluations(Db.uuid(rs, "pilot_id"))), status, status, partnership, partnership);
    }

    @GET
    @Path("{id}")
    public PilotOutcome get(@PathParam("id") UUID id) {
        return db.one("select * from pilot where pilot_id = ?", rs -> view(rs, evaluations(id)), id)
                .orElseThrow(() -> ProblemException.notFound("Pilot", id));
    }

    private List<EvaluationRef> evaluations(UUID pilot) {
        return db.list("select * from evaluation where pilot_id = ? order by drafted_at nulls last, published_at",
                rs -> new EvaluationRef(Db.uuid(rs, "evaluation_id"), rs.getString("evaluator_orgnr"),
                        rs.getString("design"), Db.instant(rs, "drafted_at"), Db.instant(rs, "published_at"),
                        rs.getString("recommendation"), rs.getString("evidence_level"),
                        json.tree(rs.getString("outcome_dimensions")), json.tree(rs.getString("freed_time")),
                        json.tree(rs.getString("outcomes"))), pilot);
    }

    private PilotOutcome view(java.sql.ResultSet rs, List<EvaluationRef> evaluations) throws java.sql.SQLException {
        return new PilotOutcome(Db.uuid(rs, "pilot_id"), rs.getString("title"), rs.getString("owner_orgnr"),
                rs.getString("status"), rs.getString("partnership"), json.tree(rs.getString("priority_groups")),
                json.tree(rs.getString("from_groups")), json.tree(rs.getString("to_groups")),
                json.tree(rs.getString("partner_orgnrs")), json.tree(rs.getString("partner_answers")), Db.uuid(rs, "model_id"),
                (Integer) rs.getObject("model_version"), Db.instant(rs, "registered_at"), Db.date(rs, "started_on"),
                Db.date(rs, "completed_on"), Db.date(rs, "abandoned_on"), rs.getString("abandonment_reason"),
                Db.date(rs, "overdue_since"), evaluations);
    }

}
