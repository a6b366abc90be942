package no.helsefellesskap.pilots.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import no.helsefellesskap.pilots.domain.Dated;
import jakarta.ws.rs.Produces;
import no.helsefellesskap.pilots.service.PilotService;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import no.helsefellesskap.pilots.domain.Adoption;
import no.helsefellesskap.pilots.mapping.PilotMapper;
import no.helsefellesskap.pilots.service.AdoptionService;
import no.helsefellesskap.runtime.security.Caller;

import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api")
public class AdoptionResource {

    /** {@code date}: when it happened (today by default), at {@code datePrecision}, with its {@code dateSource}. */
    public record NewAdoption(@NotNull UUID modelId, @NotNull @Min(1) Integer modelVersion, UUID learnedFromPilot,
                              UUID learnedFromEvaluation, java.time.LocalDate date, String datePrecision,
                              @Size(max = 500) String dateSource) {
    }

    public record AbandonAdoption(String reason, @Size(max = 2000) String text, java.time.LocalDate date,
                                  String datePrecision, @Size(max = 500) String dateSource) {
    }


    public record LineageView(UUID modelId, List<PilotMapper.PilotView> pilots, List<Adoption> adoptions) {
    }

    @Inject
    AdoptionService adoptions;

    @Inject
    PilotService pilots;

    @Inject
    Caller caller;

    @Inject
    PilotMapper mapper;

    /** The caller's organisation declares that it adopts a model version. */
    @Operation(operationId = "declareAdoption", summary = "Declare that the caller's organisation adopts a model version")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @APIResponse(responseCode = "201", description = "Declared",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Adoption.class)))
    @POST
    @Path("adoptions")
    public Response declare(@NotNull @Valid NewAdoption b) {
        caller.requireRole("registrar");
        return Response.status(201).entity(adoptions.declare(b.modelId(), b.modelVersion(), b.learnedFromPilot(),
                b.learnedFromEvaluation(), new Dated(b.date(), b.datePrecision(), b.dateSource()),
                caller.requireOrgnr())).build();
    }

    @Operation(operationId = "getAdoption", summary = "One adoption")
    @GET
    @Path("adoptions/{id}")
    public Adoption get(@PathParam("id") UUID id) {
        return adoptions.get(id);
    }

    @Operation(operationId = "completeAdoption", summary = "Complete an adoption (the adopter only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @POST
    @Path("adoptions/{id}/complete")
    public Adoption complete(@PathParam("id") UUID id) {
        caller.requireRole("registrar");
        // no body (clients send none): a completion is dated the day it is recorded
        return adoptions.complete(id, new Dated(null, null, null), caller.requireOrgnr());
    }

    @Operation(operationId = "abandonAdoption", summary = "Abandon an adoption, with the reason (the adopter only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @POST
    @Path("adoptions/{id}/abandon")
    public Adoption abandon(@PathParam("id") UUID id, @NotNull @Valid AbandonAdoption b) {
        caller.requireRole("registrar");
        return adoptions.abandon(id, b.reason(), b.text(), new Dated(b.date(), b.datePrecision(),
                b.dateSource()), caller.requireOrgnr());
    }

    /** The spread of a model: pilots that followed it and the adoptions that cite it. */
    @Operation(operationId = "getModelLineage", summary = "The pilots that followed a model and the adoptions that cite it")
    @GET
    @Path("models/{id}/lineage")
    public LineageView lineage(@PathParam("id") UUID id) {
        AdoptionService.Lineage l = adoptions.lineage(id);
        return new LineageView(id, l.pilots().stream().map(p -> mapper.view(p, pilots.partners(p.id))).toList(),
                l.adoptions());
    }
}
