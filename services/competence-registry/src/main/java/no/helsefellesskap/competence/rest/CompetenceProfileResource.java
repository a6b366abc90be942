package no.helsefellesskap.competence.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import no.helsefellesskap.competence.domain.CompetenceProfile;
import no.helsefellesskap.competence.service.CompetenceProfileService;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.runtime.validation.Orgnr;
import no.helsefellesskap.model.codes.DatePrecision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/competence-profiles")
public class CompetenceProfileResource {

    public record NewCount(@NotBlank @Size(max = 200) String organisationUnit,
                           @NotBlank String personnelGroup,
                           @NotBlank String competence,
                           @NotNull @Min(0) @Max(100000) Integer headcount,
                           @NotNull @PastOrPresent LocalDate countedOn,
                           String countedOnPrecision) {
    }

    public record CountView(UUID id, String orgnr, String organisationUnit, String personnelGroup, String competence,
                            int headcount, LocalDate countedOn, String countedOnPrecision, String countedOnShown) {
        static CountView of(CompetenceProfile p) {
            return new CountView(p.id, p.orgnr, p.organisationUnit, p.personnelGroup, p.competence, p.headcount, p.countedOn,
                    p.countedOnPrecision, DatePrecision.shown(p.countedOn, p.countedOnPrecision));
        }
    }

    @Inject
    CompetenceProfileService profiles;

    @Inject
    Caller caller;

    /** A registrar records an aggregate count for its own organisation. */
    @Operation(operationId = "recordCompetenceProfile", summary = "Record the caller's aggregate headcounts per personnel group and competence (never per person)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CountView.class)))
    @POST
    public Response record(@NotNull @Valid NewCount body) {
        caller.requireRole("registrar");
        CompetenceProfile p = profiles.record(caller.requireOrgnr(), body.organisationUnit().strip(),
                body.personnelGroup(), body.competence(), body.headcount(), body.countedOn(),
                body.countedOnPrecision() == null ? DatePrecision.DAY : body.countedOnPrecision());
        return Response.status(201).entity(CountView.of(p)).build();
    }

    @Operation(operationId = "listCompetenceProfiles", summary = "An organisation's aggregate competence headcounts")
    @GET
    public List<CountView> list(@QueryParam("orgnr") @NotNull @Orgnr String orgnr) {
        return profiles.forOrganisation(orgnr).stream().map(CountView::of).toList();
    }
}
