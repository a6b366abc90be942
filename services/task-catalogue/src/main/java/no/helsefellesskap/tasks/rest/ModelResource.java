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
import no.helsefellesskap.model.events.CompetenceRequirement;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.tasks.domain.ModelVersion;
import no.helsefellesskap.tasks.service.ModelService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/models")
public class ModelResource {

    public record Requirement(@NotBlank String competence, @NotBlank String personnelGroup,
                              @NotNull @Min(0) Integer minimumHeadcount, boolean acceptsActualCompetence) {
    }

    public record NewModelVersion(@NotBlank @Size(max = 300) String name, @Size(max = 5000) String description,
                                  @NotBlank String modelType, @NotNull @Size(min = 1) List<@NotNull UUID> taskIds,
                                  @NotNull @Size(min = 1) List<@NotBlank String> fromGroups,
                                  @NotNull @Size(min = 1) List<@NotBlank String> toGroups,
                                  List<@NotBlank String> coreComponents, List<@NotBlank String> adaptableComponents,
                                  List<@Valid @NotNull Requirement> requiredCompetences, String signOffScheme,
                                  @NotBlank String evidenceLevel, String forsvarlighetJustification, List<String> sourceRefs) {
        ModelService.Content content() {
            return new ModelService.Content(name, description, modelType, taskIds, fromGroups, toGroups, coreComponents,
                    adaptableComponents, requiredCompetences == null ? List.of() : requiredCompetences.stream()
                    .map(r -> new CompetenceRequirement(r.competence(), r.personnelGroup(), r.minimumHeadcount(), r.acceptsActualCompetence()))
                    .toList(), signOffScheme, evidenceLevel, forsvarlighetJustification, sourceRefs);
        }
    }

    public record LifecycleChange(@NotBlank String to, @Size(max = 1000) String reason) {
    }

    public record ModelView(UUID modelId, int version, Integer previousVersion, String name, String description,
                            String modelType, List<UUID> taskIds, List<String> fromGroups, List<String> toGroups,
                            List<String> coreComponents, List<String> adaptableComponents,
                            List<CompetenceRequirement> requiredCompetences, String signOffScheme, String evidenceLevel,
                            String forsvarlighetJustification, List<String> sourceRefs, String lifecycle,
                            Instant lifecycleChangedAt, String ownerOrgnr, Instant publishedAt, ProvenBy provenBy) {
        static ModelView of(ModelVersion m) {
            return new ModelView(m.key.modelId, m.key.version, m.previousVersion, m.name, m.description, m.modelType,
                    m.taskIds, m.fromGroups, m.toGroups, m.coreComponents, m.adaptableComponents, m.requiredCompetences,
                    m.signOffScheme, m.evidenceLevel, m.forsvarlighetJustification, m.sourceRefs, m.lifecycle,
                    m.lifecycleChangedAt, m.ownerOrgnr, m.publishedAt,
                    m.provenRule == null ? null : new ProvenBy(m.provenRule, m.provenEvaluationIds, m.provenAt));
        }
    }

    /** Why a version is PROVEN: the evidence rule met (version and settings) and the evaluations that met it. */
    public record ProvenBy(String rule, List<UUID> evaluationIds, Instant provenAt) {
    }

    @Inject
    ModelService models;

    @Inject
    Caller caller;

    /** Publishes version 1 of a new model, in lifecycle PROPOSED. */
    @Operation(operationId = "publishModel", summary = "Publish a task-sharing model (version 1)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @APIResponse(responseCode = "201", description = "Published; Location names version 1",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModelView.class)))
    @POST
    public Response publish(@NotNull @Valid NewModelVersion b, @Context UriInfo uri) {
        caller.requireRole("registrar");
        ModelVersion m = models.publish(b.content(), caller.requireOrgnr());
        return Response.created(uri.getAbsolutePathBuilder().path(m.key.modelId + "/versions/1").build()).entity(ModelView.of(m)).build();
    }

    /** A new version of the model; earlier versions never change. */
    @Operation(operationId = "publishModelVersion", summary = "Publish a new version of a model (the owner only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @APIResponse(responseCode = "201", description = "Published; Location names the version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModelView.class)))
    @POST
    @Path("{id}/versions")
    public Response newVersion(@PathParam("id") UUID id, @NotNull @Valid NewModelVersion b, @Context UriInfo uri) {
        caller.requireRole("registrar");
        ModelVersion m = models.newVersion(id, b.content(), caller.requireOrgnr());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(m.key.version)).build()).entity(ModelView.of(m)).build();
    }

    @Operation(operationId = "getModel", summary = "A model's latest version")
    @GET
    @Path("{id}")
    public ModelView latest(@PathParam("id") UUID id) {
        return ModelView.of(models.latest(id));
    }

    @Operation(operationId = "listModelVersions", summary = "Every version of a model")
    @GET
    @Path("{id}/versions")
    public List<ModelView> versions(@PathParam("id") UUID id) {
        return models.versions(id).stream().map(ModelView::of).toList();
    }

    @Operation(operationId = "getModelVersion", summary = "One version of a model")
    @GET
    @Path("{id}/versions/{version}")
    public ModelView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return ModelView.of(models.version(id, version));
    }

    @Operation(operationId = "changeModelLifecycle", summary = "Move a model version along its lifecycle (the owner only)")
    @SecurityRequirement(name = "jwt", scopes = "registrar")
    @POST
    @Path("{id}/versions/{version}/lifecycle")
    public ModelView changeLifecycle(@PathParam("id") UUID id, @PathParam("version") int version,
                                     @NotNull @Valid LifecycleChange b) {
        caller.requireRole("registrar");
        return ModelView.of(models.changeLifecycle(id, version, b.to(), b.reason(), caller.requireOrgnr()));
    }

    /** Latest versions: {@code ?task=<id>&from=SP&to=PORTOR}, {@code ?evidenceLevel=...&lifecycle=PROVEN}. */
    @Operation(operationId = "findModels", summary = "Find models (latest versions) by task, groups, evidence level or lifecycle")
    @GET
    public List<ModelView> find(@QueryParam("task") UUID task, @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("evidenceLevel") String evidenceLevel, @QueryParam("lifecycle") String lifecycle) {
        return models.find(task, from, to, evidenceLevel, lifecycle).stream().map(ModelView::of).toList();
    }
}
