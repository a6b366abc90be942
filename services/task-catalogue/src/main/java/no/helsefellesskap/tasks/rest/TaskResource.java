package no.helsefellesskap.tasks.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.tasks.domain.Task;
import no.helsefellesskap.tasks.service.TaskService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/tasks")
public class TaskResource {

    public record NewTask(@NotBlank @Size(max = 300) String title, @NotBlank String performedByGroup) {
    }

    public record TaskView(UUID id, String title, String performedByGroup, String describedByOrgnr, Instant describedAt) {
        static TaskView of(Task t) {
            return new TaskView(t.id, t.title, t.performedByGroup, t.describedByOrgnr, t.describedAt);
        }
    }

    @Inject
    TaskService tasks;

    @Inject
    Caller caller;

    @POST
    public Response describe(@NotNull @Valid NewTask body) {
        caller.requireRole("registrar");
        Task t = tasks.describe(body.title(), body.performedByGroup(), caller.requireOrgnr());
        return Response.status(201).entity(TaskView.of(t)).build();
    }

    @GET
    @Path("{id}")
    public TaskView get(@PathParam("id") UUID id) {
        return TaskView.of(tasks.get(id));
    }

    @GET
    public List<TaskView> list() {
        return tasks.all().stream().map(TaskView::of).toList();
    }
}
