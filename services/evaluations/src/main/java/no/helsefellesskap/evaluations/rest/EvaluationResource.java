package no.helsefellesskap.evaluations.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.helsefellesskap.evaluations.domain.Evaluation;
import no.helsefellesskap.evaluations.domain.KnownPilot;
import no.helsefellesskap.evaluations.freedtime.FreedTimeCalculator;
import no.helsefellesskap.evaluations.service.EvaluationService;
import no.helsefellesskap.evaluations.service.OverdueService;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.runtime.validation.Orgnr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api")
public class EvaluationResource {

    public record EvaluationBody(UUID pilotId, String evaluatorKind, String design, LocalDate periodFrom, LocalDate periodTo,
                                 List<Evaluation.@NotNull Outcome> outcomes, List<@Size(max = 2000) String> adverseEffects,
                                 String evidenceLevel, Evaluation.ReAim reAim, List<String> barriers, List<String> enablers,
                                 String recommendation, List<FreedTimeResource.@Valid @NotNull LineBody> freedTime,
                                 EvaluationService.ReportDate reportPublished, Boolean reportPublishedUnknown) {
        EvaluationService.Content content() {
            return new EvaluationService.Content(evaluatorKind, design, periodFrom, periodTo, outcomes, adverseEffects,
                    evidenceLevel, reAim, barriers, enablers, recommendation, freedTime == null ? null : freedTime.stream()
                    .map(FreedTimeResource.LineBody::line).toList(), reportPublished, reportPublishedUnknown);
        }
    }

    public record Commission(@NotNull @Orgnr String evaluatorOrgnr) {
    }

    public record EvaluationView(UUID id, UUID pilotId, String evaluatorOrgnr, String evaluatorKind, String design,
                                 String status, Instant draftedAt, LocalDate periodFrom, LocalDate periodTo,
                                 List<Evaluation.Outcome> outcomes, List<String> adverseEffects, String evidenceLevel,
                                 Evaluation.ReAim reAim, List<String> barriers, List<String> enablers, String recommendation,
                                 Map<String, Object> freedTime, Instant publishedAt, UUID modelId, Integer modelVersion,
                                 EvaluationService.ReportDate reportPublished, boolean reportPublishedUnknown) {
        static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.id, e.pilotId, e.evaluatorOrgnr, e.evaluatorKind, e.design, e.status, e.draftedAt,
                    e.periodFrom, e.periodTo, e.outcomes, e.adverseEffects, e.evidenceLevel, e.reAim, e.barriers, e.enablers,
                    e.recommendation, e.freedTime, e.publishedAt, e.modelId, e.modelVersion,
                    e.reportPublishedOn == null ? null : new EvaluationService.ReportDate(e.reportPublishedOn,
                            e.reportPublishedPrecision, e.reportPublishedSource), e.reportPublishedUnknown);
        }
    }

    public record PilotView(UUID pilotId, String title, String ownerOrgnr, Instant registeredAt, String status,
                            LocalDate endedOn, UUID modelId, Integer modelVersion, List<String> partners) {
        static PilotView of(KnownPilot p) {
            return new PilotView(p.pilotId, p.title, p.ownerOrgnr, p.registeredAt, p.status, p.endedOn, p.modelId,
                    p.modelVersion, p.partners);
        }
    }

    public record OverdueView(int overdueAfterMonths, List<PilotView> pilots) {
    }

    @Inject
    EvaluationService evaluations;

    @Inject
    OverdueService overdue;

    @Inject
    Caller caller;

    /** An evaluator of the owner, a partner or a commissioned organisation opens a draft. */
    @Operation(operationId = "draftEvaluation", summary = "Draft an evaluation of a pilot the caller's organisation owns, partners in or was commissioned for")
    @SecurityRequirement(name = "jwt", scopes = "evaluator")
    @APIResponse(responseCode = "201", description = "Drafted; Location names the evaluation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvaluationView.class)))
    @POST
    @Path("evaluations")
    public Response draft(@NotNull @Valid EvaluationBody body, @Context UriInfo uri) {
        caller.requireRole("evaluator");
        if (body.pilotId() == null) {
            throw no.helsefellesskap.runtime.problem.ProblemException.invalid("pilotId", "is required");
        }
        Evaluation e = evaluations.draft(body.pilotId(), body.content(), caller.requireOrgnr());
        return Response.created(uri.getBaseUriBuilder().path("api/evaluations").path(e.id.toString()).build())
                .entity(EvaluationView.of(e)).build();
    }

    @Operation(operationId = "updateEvaluation", summary = "Change a draft evaluation (its author organisation only)")
    @SecurityRequirement(name = "jwt", scopes = "evaluator")
    @PUT
    @Path("evaluations/{id}")
    public EvaluationView update(@PathParam("id") UUID id, @NotNull @Valid EvaluationBody body) {
        caller.requireRole("evaluator");
        return EvaluationView.of(evaluations.update(id, body.content(), caller.requireOrgnr()));
    }

    @Operation(operationId = "publishEvaluation", summary = "Publish a draft evaluation (its author organisation only)")
    @SecurityRequirement(name = "jwt", scopes = "evaluator")
    @POST
    @Path("evaluations/{id}/publish")
    public EvaluationView publish(@PathParam("id") UUID id) {
        caller.requireRole("evaluator");
        return EvaluationView.of(evaluations.publish(id, caller.requireOrgnr()));
    }

    @Operation(operationId = "getEvaluation", summary = "One evaluation (a draft only for its author organisation)")
    @GET
    @Path("evaluations/{id}")
    public EvaluationView get(@PathParam("id") UUID id) {
        return EvaluationView.of(evaluations.get(id, caller.orgnr().orElse(null)));
    }

    @Operation(operationId = "listEvaluationsOfPilot", summary = "A pilot's published evaluations (and the caller's own drafts)")
    @GET
    @Path("evaluations")
    public List<EvaluationView> ofPilot(@QueryParam("pilotId") @NotNull UUID pilotId) {
        return evaluations.ofPilot(pilotId, caller.orgnr().orElse(null)).stream().map(EvaluationView::of).toList();
    }

    /** The pilots this service can evaluate, as learnt from pilot events. */
    @Operation(operationId = "getPilot", summary = "A pilot as this service knows it (from pilot events)")
    @GET
    @Path("pilots/{id}")
    public PilotView pilot(@PathParam("id") UUID id) {
        return PilotView.of(evaluations.pilot(id));
    }

    @Operation(operationId = "commissionEvaluation", summary = "Commission another organisation to evaluate a pilot (the pilot's owner only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @APIResponse(responseCode = "204", description = "Commissioned")
    @POST
    @Path("pilots/{id}/commissions")
    public Response commission(@PathParam("id") UUID id, @NotNull @Valid Commission body) {
        caller.requireRole("registrar");
        evaluations.commission(id, body.evaluatorOrgnr(), caller.requireOrgnr());
        return Response.noContent().build();
    }

    /** Pilots completed more than the configured months ago with no published evaluation. */
    @Operation(operationId = "listOverdueEvaluations", summary = "Completed pilots whose evaluation is overdue")
    @GET
    @Path("overdue-evaluations")
    public OverdueView overdue() {
        return new OverdueView(overdue.months(), overdue.overdueNow().stream().map(PilotView::of).toList());
    }
}
