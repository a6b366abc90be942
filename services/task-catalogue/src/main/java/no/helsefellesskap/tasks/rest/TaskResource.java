package no.helsefellesskap.tasks.rest;

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
import jakarta.validation.constraints.PositiveOrZero;
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
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.tasks.domain.Task;
import no.helsefellesskap.tasks.service.TaskService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/tasks")
public class TaskResource {

    public record NewTask(@NotBlank @Size(max = 300) String nameNb, @Size(max = 300) String nameEn,
                          @Size(max = 5000) String description, @NotBlank String category, List<@NotBlank String> settings,
                          String serviceLevel, @NotNull @Size(min = 1) List<@NotBlank String> currentPerformerGroups,
                          List<@NotBlank String> reservedFor, String reservationReason, String reservationSource,
                          List<@NotBlank String> legalBasis, String riskLevel, List<String> sourceRefs) {
    }

    public record Volume(@NotNull @PositiveOrZero Double amount, @NotBlank String unit, String method) {
    }

    public record RequiredCompetence(@NotBlank String competence, boolean acceptsActualCompetence) {
    }

    public record CandidateGroup(@NotBlank String group, List<@NotBlank String> conditions, String forsvarlighetJustification) {
    }

    public record NewAssessment(@Valid Volume volume, @Size(max = 5000) String responsibilities,
                                @NotBlank String requiresFormalHealthCompetence,
                                List<@Valid @NotNull RequiredCompetence> requiredCompetences,
                                List<@Valid @NotNull CandidateGroup> candidateGroups,
                                List<@NotBlank String> sharingDirections, String riskLevel) {
    }

    public record Reservation(List<String> reservedFor, String reason, String source) {
    }

    public record VolumeView(Double amount, String unit, String method) {
    }

    public record TaskView(UUID id, String nameNb, String nameEn, String description, String category, List<String> settings,
                           String serviceLevel, List<String> currentPerformerGroups, Reservation reservation,
                           List<String> legalBasis, String riskLevel, List<String> sourceRefs, VolumeView volume,
                           String responsibilities, String requiresFormalHealthCompetence,
                           List<Task.RequiredCompetence> requiredCompetences, List<Task.CandidateGroup> candidateGroups,
                           List<String> sharingDirections, Instant assessedAt, String ownerOrgnr, Instant registeredAt) {
        static TaskView of(Task t) {
            return new TaskView(t.id, t.nameNb, t.nameEn, t.description, t.category, t.settings, t.serviceLevel,
                    t.currentGroups, t.reserved() ? new Reservation(t.reservedFor, t.reservationReason, t.reservationSource) : null,
                    t.legalBasis, t.riskLevel, t.sourceRefs,
                    t.volumeAmount == null ? null : new VolumeView(t.volumeAmount, t.volumeUnit, t.volumeMethod),
                    t.responsibilities, t.requiresFormalHealthCompetence, t.requiredCompetences, t.candidateGroups,
                    t.sharingDirections, t.assessedAt, t.ownerOrgnr, t.registeredAt);
        }
    }

    @Inject
    TaskService tasks;

    @Inject
    Caller caller;

    /** A registrar enters a task for its organisation. */
    @Operation(operationId = "registerTask", summary = "Register a task for the caller's organisation")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @APIResponse(responseCode = "201", description = "Registered; Location names the task",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskView.class)))
    @POST
    public Response register(@NotNull @Valid NewTask b, @Context UriInfo uri) {
        caller.requireRole("registrar");
        Task t = tasks.register(new TaskService.Registration(b.nameNb(), b.nameEn(), b.description(), b.category(),
                b.settings(), b.serviceLevel(), b.currentPerformerGroups(), b.reservedFor(), b.reservationReason(),
                b.reservationSource(), b.legalBasis(), b.riskLevel(), b.sourceRefs()), caller.requireOrgnr());
        return Response.created(uri.getAbsolutePathBuilder().path(t.id.toString()).build()).entity(TaskView.of(t)).build();
    }

    /** The six-step assessment of the task, by its owner. */
    @Operation(operationId = "assessTask", summary = "Record a task's six-step assessment (the owner only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @PUT
    @Path("{id}/assessment")
    public TaskView assess(@PathParam("id") UUID id, @NotNull @Valid NewAssessment b) {
        caller.requireRole("registrar");
        List<Task.RequiredCompetence> required = b.requiredCompetences() == null ? List.of()
                : b.requiredCompetences().stream().map(r -> new Task.RequiredCompetence(r.competence(), r.acceptsActualCompetence())).toList();
        List<Task.CandidateGroup> candidates = b.candidateGroups() == null ? List.of()
                : b.candidateGroups().stream().map(c -> new Task.CandidateGroup(c.group(),
                        c.conditions() == null ? List.of() : c.conditions(), c.forsvarlighetJustification())).toList();
        Task t = tasks.assess(id, new TaskService.Assessment(
                b.volume() == null ? null : b.volume().amount(), b.volume() == null ? null : b.volume().unit(),
                b.volume() == null ? null : b.volume().method(), b.responsibilities(), b.requiresFormalHealthCompetence(),
                required, candidates, b.sharingDirections(), b.riskLevel()), caller.requireOrgnr());
        return TaskView.of(t);
    }

    @Operation(operationId = "getTask", summary = "One task with its assessment")
    @GET
    @Path("{id}")
    public TaskView get(@PathParam("id") UUID id) {
        return TaskView.of(tasks.get(id));
    }

    /** e.g. {@code ?universityEducatedPerformer=true&requiresFormalHealthCompetence=NO}: work a highly educated group does that needs no formal health competence. */
    @Operation(operationId = "findTasks", summary = "Find tasks by performer, formal competence and other filters")
    @GET
    public List<TaskView> find(@QueryParam("performedBy") String performedBy,
                               @QueryParam("requiresFormalHealthCompetence") String requiresFormalHealthCompetence,
                               @QueryParam("universityEducatedPerformer") Boolean universityEducatedPerformer,
                               @QueryParam("category") String category) {
        return tasks.find(performedBy, requiresFormalHealthCompetence, universityEducatedPerformer, category).stream()
                .map(TaskView::of).toList();
    }
}
