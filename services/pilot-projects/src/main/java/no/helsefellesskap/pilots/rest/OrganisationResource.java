package no.helsefellesskap.pilots.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import no.helsefellesskap.pilots.service.OrganisationService;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.runtime.validation.Orgnr;

import java.time.LocalDate;
import java.util.List;

/** Organisations with their history, and the 19 health partnerships with members and governance. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/api")
public class OrganisationResource {

    public record OrganisationChange(@NotBlank @Size(max = 300) String name, @Orgnr String orgnr, String kommunenummer,
                                     String parent, @NotNull LocalDate validFrom) {
    }

    /** {@code sandbox}: a test or probe organisation, whose records stay out of the programme's figures and feeds. */
    public record NewOrganisation(@NotBlank String code, @NotBlank String kind, @NotBlank @Size(max = 300) String name,
                                  @Orgnr String orgnr, String kommunenummer, String parent, LocalDate validFrom,
                                  @NotBlank @Size(max = 500) String source, Boolean sandbox) {
    }

    public record MembershipChange(@NotBlank String organisation, @NotBlank String role, @NotNull LocalDate validFrom) {
    }

    public record OrganisationView(OrganisationService.Org current, List<OrganisationService.Org> history) {
    }

    @Inject
    OrganisationService organisations;

    @Inject
    Caller caller;
    @Operation(operationId = "listOrganisations", summary = "Organisations in force today (hospital trusts, municipalities and others)")
    @GET
    @Path("organisations")
    public List<OrganisationService.Org> organisations(@QueryParam("kind") String kind) {
        return organisations.all(kind);
    }

    @Operation(operationId = "getOrganisation", summary = "One organisation with its history")
    @GET
    @Path("organisations/{code}")
    public OrganisationView organisation(@PathParam("code") String code) {
        // an organisation no longer in force (Ålesund before the 2024 split) still answers, with its last version
        List<OrganisationService.Org> history = organisations.history(code);
        if (history.isEmpty()) {
            throw no.helsefellesskap.runtime.problem.ProblemException.notFound("Organisation", code);
        }
        return new OrganisationView(organisations.find(code).orElse(history.get(history.size() - 1)), history);
    }

    /** A programme administrator registers an organisation the reference files lack, naming the source. */
    @Operation(operationId = "registerOrganisation", summary = "Register an organisation")
    @SecurityRequirement(name = "jwt", scopes = "programme-admin")
    @APIResponse(responseCode = "201", description = "Registered; Location names the organisation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganisationView.class)))
    @POST
    @Path("organisations")
    public Response register(@NotNull @Valid NewOrganisation b, @Context UriInfo uri) {
        caller.requireRole("programme-admin");
        OrganisationService.Org o = organisations.register(b.code(), b.kind(), b.name().strip(), b.orgnr(),
                b.kommunenummer(), b.parent(), b.validFrom(), b.source(), Boolean.TRUE.equals(b.sandbox()));
        return Response.created(uri.getAbsolutePathBuilder().path(o.code()).build()).entity(organisation(o.code())).build();
    }

    /** A programme administrator records a change (new name, number or parent) from a date. */
    @Operation(operationId = "changeOrganisation", summary = "Record a new version of an organisation from a date")
    @SecurityRequirement(name = "jwt", scopes = "programme-admin")
    @PUT
    @Path("organisations/{code}")
    public OrganisationView change(@PathParam("code") String code, @NotNull @Valid OrganisationChange b) {
        caller.requireRole("programme-admin");
        organisations.change(code, b.name().strip(), b.orgnr(), b.kommunenummer(), b.parent(), b.validFrom());
        return organisation(code);
    }

    @Operation(operationId = "listPartnerships", summary = "The 19 health partnerships (helsefellesskap) with their members")
    @GET
    @Path("partnerships")
    public List<OrganisationService.Partnership> partnerships() {
        return organisations.partnerships();
    }

    @Operation(operationId = "getPartnership", summary = "One health partnership")
    @GET
    @Path("partnerships/{code}")
    public OrganisationService.Partnership partnership(@PathParam("code") String code) {
        return organisations.partnership(code);
    }

    /** A programme administrator records that an organisation belongs to a partnership from a date. */
    @Operation(operationId = "addPartnershipMember", summary = "Add a member to a partnership from a date")
    @SecurityRequirement(name = "jwt", scopes = "programme-admin")
    @POST
    @Path("partnerships/{code}/members")
    public OrganisationService.Partnership join(@PathParam("code") String code, @NotNull @Valid MembershipChange b) {
        caller.requireRole("programme-admin");
        return organisations.join(code, b.organisation(), b.role(), b.validFrom());
    }
}
