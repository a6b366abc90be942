package no.helsefellesskap.tasks.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import no.helsefellesskap.tasks.service.SearchService;

import java.util.List;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/search")
public class SearchResource {

    public record Results(String query, List<TaskResource.TaskView> tasks, List<ModelResource.ModelView> models) {
    }

    @Inject
    SearchService search;
    @Operation(operationId = "searchCatalogue", summary = "Full-text search over tasks and models (Norwegian and English)")
    @GET
    public Results search(@QueryParam("q") @NotBlank @Size(max = 200) String q) {
        SearchService.Hits hits = search.search(q);
        return new Results(q, hits.tasks().stream().map(TaskResource.TaskView::of).toList(),
                hits.models().stream().map(ModelResource.ModelView::of).toList());
    }
}
