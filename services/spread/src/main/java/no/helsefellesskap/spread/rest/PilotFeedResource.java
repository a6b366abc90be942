package no.helsefellesskap.spread.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.spread.domain.EvaluationSummary;
import no.helsefellesskap.spread.domain.PilotSummary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Pilots as the spread service knows them from events, with their evaluations. */
@Path("/api/pilots")
public class PilotFeedResource {

    public record EvaluationRef(UUID evaluationId, String evaluatorOrgnr, String design, Instant draftedAt) {
    }

    public record PilotOutcome(UUID pilotId, String title, String ownerOrgnr, String status, Instant registeredAt,
                               List<EvaluationRef> evaluations) {
    }

    @GET
    public List<PilotOutcome> list() {
        return PilotSummary.<PilotSummary>listAll().stream().map(PilotFeedResource::view).toList();
    }

    @GET
    @Path("{id}")
    public PilotOutcome get(@PathParam("id") UUID id) {
        PilotSummary p = PilotSummary.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Pilot", id);
        }
        return view(p);
    }

    private static PilotOutcome view(PilotSummary p) {
        List<EvaluationRef> evaluations = EvaluationSummary.<EvaluationSummary>list("pilotId", p.pilotId).stream()
                .map(e -> new EvaluationRef(e.evaluationId, e.evaluatorOrgnr, e.design, e.draftedAt)).toList();
        return new PilotOutcome(p.pilotId, p.title, p.ownerOrgnr, p.status, p.registeredAt, evaluations);
    }
}
