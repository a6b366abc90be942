package no.helsefellesskap.evaluations.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.helsefellesskap.evaluations.domain.Evaluation;
import no.helsefellesskap.evaluations.domain.KnownPilot;
import no.helsefellesskap.evaluations.service.EvaluationService;
import no.helsefellesskap.runtime.security.Caller;

import java.time.Instant;
import java.util.UUID;

@Path("/api")
public class EvaluationResource {

    public record NewEvaluation(@NotNull UUID pilotId,
                                @NotNull @Pattern(regexp = "MAPPING|BEFORE_AFTER|CONTROLLED|QUALITATIVE|SURVEY|REPORT_REVIEW",
                                        message = "must be one of MAPPING, BEFORE_AFTER, CONTROLLED, QUALITATIVE, SURVEY, REPORT_REVIEW")
                                String design) {
    }

    public record EvaluationView(UUID id, UUID pilotId, String evaluatorOrgnr, String design, String status, Instant draftedAt) {
        static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.id, e.pilotId, e.evaluatorOrgnr, e.design, e.status, e.draftedAt);
        }
    }

    public record PilotView(UUID pilotId, String title, String ownerOrgnr, Instant registeredAt) {
        static PilotView of(KnownPilot p) {
            return new PilotView(p.pilotId, p.title, p.ownerOrgnr, p.registeredAt);
        }
    }

    @Inject
    EvaluationService evaluations;

    @Inject
    Caller caller;

    /** An evaluator opens a draft evaluation on behalf of its own organisation. */
    @POST
    @Path("evaluations")
    public Response draft(@NotNull @Valid NewEvaluation body, @Context UriInfo uri) {
        caller.requireRole("evaluator");
        Evaluation e = evaluations.draft(body.pilotId(), body.design(), caller.requireOrgnr());
        return Response.created(uri.getBaseUriBuilder().path("api/evaluations").path(e.id.toString()).build())
                .entity(EvaluationView.of(e)).build();
    }

    @GET
    @Path("evaluations/{id}")
    public EvaluationView get(@PathParam("id") UUID id) {
        return EvaluationView.of(evaluations.get(id));
    }

    /** The pilots this service can evaluate, as learnt from pilot events. */
    @GET
    @Path("pilots/{id}")
    public PilotView pilot(@PathParam("id") UUID id) {
        return PilotView.of(evaluations.pilot(id));
    }
}
