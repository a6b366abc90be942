package no.helsefellesskap.pilots.rest;

import no.helsefellesskap.pilots.domain.Dated;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
import no.helsefellesskap.pilots.domain.PilotPartner;
import no.helsefellesskap.pilots.service.OrganisationService;
import no.helsefellesskap.pilots.service.PilotService;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.runtime.validation.Orgnr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/pilots")
public class PilotResource {

    public record Staffing(@NotBlank String group, @Min(0) Integer headcount) {
    }

    public record Funding(@NotBlank String source, @Min(0) Long amountNok) {
    }

    public record Precondition(@NotBlank String item, @NotBlank String status, @Size(max = 2000) String note) {
    }

    public record Adaptation(@NotBlank String what, @NotBlank String why) {
    }

    public record NewPilot(@NotBlank @Size(max = 300) String title, UUID modelId, @Min(1) Integer modelVersion,
                           List<@NotNull UUID> taskIds, List<@NotBlank String> fromGroups, List<@NotBlank String> toGroups,
                           @NotNull @Orgnr String ownerOrgnr, List<@NotBlank String> partnerOrgnrs, List<@NotBlank String> sites,
                           List<@NotBlank String> priorityGroups, List<@NotBlank String> settings, LocalDate plannedStart,
                           LocalDate plannedEnd, List<@Valid @NotNull Staffing> staffing, List<@Valid @NotNull Funding> funding,
                           List<@Valid @NotNull Precondition> preconditions, @Size(max = 5000) String forsvarlighetAssessment,
                           @Size(max = 5000) String baselinePlan, UUID derivedFromPilot,
                           List<@Valid @NotNull Adaptation> adaptations,
                           @Size(max = 20) List<@NotBlank @Size(max = 500) String> sources) {
    }

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

    public record PartnerView(String orgnr, String answer, String comment, Instant answeredAt) {
        static PartnerView of(PilotPartner p) {
            return new PartnerView(p.orgnr, p.answer, p.comment, p.answeredAt);
        }
    }

    public record PilotView(UUID id, String title, String ownerOrgnr, String status, Instant registeredAt, UUID modelId,
                            Integer modelVersion, List<UUID> taskIds, List<String> fromGroups, List<String> toGroups,
                            String partnership, List<String> priorityGroups, List<String> settings, List<String> sites,
                            LocalDate plannedStart, LocalDate plannedEnd, LocalDate startedOn, String startedPrecision,
                            String startedSource, LocalDate endedOn, String endedPrecision, String endedSource,
                            List<Pilot.Staffing> staffing, List<Pilot.Funding> funding, List<Pilot.Precondition> preconditions,
                            String forsvarlighetAssessment, String baselinePlan, UUID derivedFromPilot,
                            List<Pilot.Adaptation> adaptations, String abandonReason, String abandonText,
                            List<PartnerView> partners, List<String> sources) {
        static PilotView of(Pilot p, List<PilotPartner> partners) {
            return new PilotView(p.id, p.title, p.ownerOrgnr, p.status.name(), p.registeredAt, p.modelId, p.modelVersion,
                    p.taskIds, p.fromGroups, p.toGroups, p.partnership, p.priorityGroups, p.settings, p.sites,
                    p.plannedStart, p.plannedEnd, p.startedOn, p.startedPrecision, p.startedSource, p.endedOn,
                    p.endedPrecision, p.endedSource, p.staffing, p.funding, p.preconditions,
                    p.forsvarlighetAssessment, p.baselinePlan, p.derivedFromPilot, p.adaptations, p.abandonReason,
                    p.abandonText, partners.stream().map(PartnerView::of).toList(), p.sources);
        }
    }

    @Inject
    PilotService pilots;

    @Inject
    OrganisationService organisations;

    @Inject
    Caller caller;

    /** A registrar of the owner organisation (hospital trust or municipality) registers a pilot. */
    @POST
    public Response register(@NotNull @Valid NewPilot b, @Context UriInfo uri) {
        caller.requireActingFor(b.ownerOrgnr(), "registrar");
        Pilot p = pilots.register(new PilotService.Registration(b.title(), b.modelId(), b.modelVersion(), b.taskIds(),
                b.fromGroups(), b.toGroups(), b.ownerOrgnr(), b.partnerOrgnrs(), b.sites(), b.priorityGroups(), b.settings(),
                b.plannedStart(), b.plannedEnd(),
                b.staffing() == null ? null : b.staffing().stream().map(s -> new Pilot.Staffing(s.group(), s.headcount())).toList(),
                b.funding() == null ? null : b.funding().stream().map(f -> new Pilot.Funding(f.source(), f.amountNok())).toList(),
                b.preconditions() == null ? null : b.preconditions().stream().map(x -> new Pilot.Precondition(x.item(), x.status(), x.note())).toList(),
                b.forsvarlighetAssessment(), b.baselinePlan(), b.derivedFromPilot(),
                b.adaptations() == null ? null : b.adaptations().stream().map(a -> new Pilot.Adaptation(a.what(), a.why())).toList(),
                b.sources()));
        return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build()).entity(view(p)).build();
    }

    @GET
    @Path("{id}")
    public PilotView get(@PathParam("id") UUID id) {
        return view(pilots.get(id));
    }

    @POST
    @Path("{id}/start")
    public PilotView start(@PathParam("id") UUID id, @NotNull @Valid DateBody b) {
        caller.requireRole("registrar");
        return view(pilots.start(id, b.known(), caller.requireOrgnr()));
    }

    @POST
    @Path("{id}/complete")
    public PilotView complete(@PathParam("id") UUID id, @NotNull @Valid DateBody b) {
        caller.requireRole("registrar");
        return view(pilots.complete(id, b.known(), caller.requireOrgnr()));
    }

    @POST
    @Path("{id}/abandon")
    public PilotView abandon(@PathParam("id") UUID id, @NotNull @Valid Abandonment b) {
        caller.requireRole("registrar");
        return view(pilots.abandon(id, new Dated(knownDate(b.date(), b.dateUnknown()), b.datePrecision(),
                b.dateSource()), b.reason(), b.text(),
                caller.requireOrgnr()));
    }

    /** A partner confirms its own participation. */
    @POST
    @Path("{id}/partners/{orgnr}/confirm")
    public PartnerView confirm(@PathParam("id") UUID id, @PathParam("orgnr") String orgnr, @Valid Answer b) {
        caller.requireRole("registrar");
        return PartnerView.of(pilots.answer(id, orgnr, true, b == null ? null : b.comment(), caller.requireOrgnr()));
    }

    @POST
    @Path("{id}/partners/{orgnr}/decline")
    public PartnerView decline(@PathParam("id") UUID id, @PathParam("orgnr") String orgnr, @Valid Answer b) {
        caller.requireRole("registrar");
        return PartnerView.of(pilots.answer(id, orgnr, false, b == null ? null : b.comment(), caller.requireOrgnr()));
    }

    /**
     * {@code ?mine=true} (my organisation's pilots), {@code ?myPartnership=true}, {@code ?noMunicipalPartner=true},
     * and filters by owner, partnership, model, task, personnel group, status, priority group and period.
     */
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
                    .flatMap(o -> organisations.partnershipOf(o.code(), LocalDate.now())).orElse("-none-");
        }
        return pilots.find(new PilotService.Query(ownerFilter, partnershipFilter, noMunicipalPartner, modelId, task, group,
                status, priorityGroup, from, to)).stream().map(this::view).toList();
    }

    private PilotView view(Pilot p) {
        return PilotView.of(p, pilots.partners(p.id));
    }
}
