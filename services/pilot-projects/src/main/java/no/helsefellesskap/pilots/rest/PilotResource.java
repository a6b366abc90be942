package no.helsefellesskap.pilots.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import no.helsefellesskap.pilots.domain.Dated;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.helsefellesskap.pilots.domain.Pilot;
import no.helsefellesskap.pilots.domain.PilotPlan;
import no.helsefellesskap.pilots.mapping.PilotMapper;
import no.helsefellesskap.pilots.mapping.PilotMapper.PartnerView;
import no.helsefellesskap.pilots.mapping.PilotMapper.PilotView;
import no.helsefellesskap.pilots.service.OrganisationService;
import no.helsefellesskap.pilots.service.PilotSearch;
import no.helsefellesskap.pilots.service.PilotService;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.security.Caller;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/pilots")
public class PilotResource {

    /** Today in the suite's time zone (Europe/Oslo), not the JVM's: a date given at 00:30 in Norway is that day. */
    @Inject
    no.helsefellesskap.runtime.time.SuiteClock clock;

    /**
     * When it happened, or {@code "dateUnknown": true} when the source does not say (records from reports);
     * {@code datePrecision} DAY (default), MONTH or YEAR when the source gives only the month or year, and the
     * {@code dateSource} (a document and line) that says so.
     */
    public record DateBody(LocalDate date, Boolean dateUnknown, String datePrecision, @Size(max = 500) String dateSource) {
        Dated known() {
            return new Dated(knownDate(date, dateUnknown), datePrecision, dateSource);
        }
    }

    public record Abandonment(LocalDate date, Boolean dateUnknown, @NotBlank String reason,
                              @Size(max = 2000) String text, String datePrecision, @Size(max = 500) String dateSource) {
    }

    /** Either a date or an explicit "unknown"; neither or both is refused, naming the field. */
    static LocalDate knownDate(LocalDate date, Boolean dateUnknown) {
        boolean unknown = Boolean.TRUE.equals(dateUnknown);
        if (date == null && !unknown) {
            throw ProblemException.invalid("date", "is required (or \"dateUnknown\": true when the source does not give it)");
        }
        if (date != null && unknown) {
            throw ProblemException.invalid("dateUnknown", "cannot be true when a date is given");
        }
        return date;
    }

    public record Answer(@Size(max = 2000) String comment) {
    }

    @Inject
    PilotService pilots;

    @Inject
    OrganisationService organisations;

    @Inject
    PilotMapper mapper;

    @Inject
    PilotSearch search;

    @Inject
    Caller caller;

    /** A registrar of the owner organisation (hospital trust or municipality) registers a pilot. */
    @Operation(operationId = "registerPilot", summary = "Register a pilot owned by the caller's organisation")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @APIResponse(responseCode = "201", description = "Registered; Location names the pilot",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PilotView.class)))
    @POST
    public Response register(@NotNull @Valid PilotPlan plan, @Context UriInfo uri) {
        caller.requireActingFor(plan.ownerOrgnr(), "registrar");
        Pilot p = pilots.register(plan);
        return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build()).entity(view(p)).build();
    }

    @Operation(operationId = "getPilot", summary = "One pilot")
    @GET
    @Path("{id}")
    public PilotView get(@PathParam("id") UUID id) {
        return view(pilots.get(id));
    }

    @Operation(operationId = "startPilot", summary = "Start a planned pilot (the owner only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @POST
    @Path("{id}/start")
    public PilotView start(@PathParam("id") UUID id, @NotNull @Valid DateBody b) {
        caller.requireRole("registrar");
        return view(pilots.start(id, b.known(), caller.requireOrgnr()));
    }

    @Operation(operationId = "completePilot", summary = "Complete a running pilot (the owner only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @POST
    @Path("{id}/complete")
    public PilotView complete(@PathParam("id") UUID id, @NotNull @Valid DateBody b) {
        caller.requireRole("registrar");
        return view(pilots.complete(id, b.known(), caller.requireOrgnr()));
    }

    @Operation(operationId = "abandonPilot", summary = "Abandon a pilot, with the reason (the owner only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @POST
    @Path("{id}/abandon")
    public PilotView abandon(@PathParam("id") UUID id, @NotNull @Valid Abandonment b) {
        caller.requireRole("registrar");
        return view(pilots.abandon(id, new Dated(knownDate(b.date(), b.dateUnknown()), b.datePrecision(),
                b.dateSource()), b.reason(), b.text(),
                caller.requireOrgnr()));
    }

    /** A partner confirms its own participation. */
    @Operation(operationId = "confirmPartnership", summary = "A partner organisation confirms its part in a pilot (for itself only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @POST
    @Path("{id}/partners/{orgnr}/confirm")
    public PartnerView confirm(@PathParam("id") UUID id, @PathParam("orgnr") String orgnr, @Valid Answer b) {
        caller.requireRole("registrar");
        return mapper.partner(pilots.answer(id, orgnr, true, b == null ? null : b.comment(), caller.requireOrgnr()));
    }

    @Operation(operationId = "declinePartnership", summary = "A partner organisation declines its part in a pilot (for itself only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @POST
    @Path("{id}/partners/{orgnr}/decline")
    public PartnerView decline(@PathParam("id") UUID id, @PathParam("orgnr") String orgnr, @Valid Answer b) {
        caller.requireRole("registrar");
        return mapper.partner(pilots.answer(id, orgnr, false, b == null ? null : b.comment(), caller.requireOrgnr()));
    }

    /**
     * {@code ?mine=true} (my organisation's pilots), {@code ?myPartnership=true}, {@code ?noMunicipalPartner=true},
     * and filters by owner, partnership, model, task, personnel group, status, priority group and period.
     */
    @Operation(operationId = "listPilots", summary = "Pilots, filtered by owner, partnership, status or the caller's own")
    @GET
    public List<PilotView> list(@QueryParam("mine") Boolean mine, @QueryParam("myPartnership") Boolean myPartnership,
                                @QueryParam("owner") String owner, @QueryParam("partnership") String partnership,
                                @QueryParam("noMunicipalPartner") Boolean noMunicipalPartner, @QueryParam("modelId") UUID modelId,
                                @QueryParam("task") UUID task, @QueryParam("group") String group, @QueryParam("status") String status,
                                @QueryParam("priorityGroup") String priorityGroup, @QueryParam("from") LocalDate from,
                                @QueryParam("to") LocalDate to) {
        String ownerFilter = Boolean.TRUE.equals(mine) ? caller.requireOrgnr() : owner;
        String partnershipFilter = partnership;
        if (Boolean.TRUE.equals(myPartnership)) {
            partnershipFilter = organisations.byOrgnr(caller.requireOrgnr())
                    .flatMap(o -> organisations.partnershipOf(o.code(), clock.today())).orElse("-none-");
        }
        return search.find(new PilotSearch.Query(ownerFilter, partnershipFilter, noMunicipalPartner, modelId, task, group,
                status, priorityGroup, from, to)).stream().map(this::view).toList();
    }

    private PilotView view(Pilot p) {
        return mapper.view(p, pilots.partners(p.id));
    }
}
