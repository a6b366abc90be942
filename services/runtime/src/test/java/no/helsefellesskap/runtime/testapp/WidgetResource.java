package no.helsefellesskap.runtime.testapp;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import no.helsefellesskap.runtime.security.Caller;

import java.util.Map;
import java.util.UUID;

@Path("/api/widgets")
public class WidgetResource {

    public record NewWidget(@NotBlank @Size(max = 200) String title, @NotBlank String ownerOrgnr) {
    }

    @Inject
    WidgetService service;

    @Inject
    Caller caller;

    @POST
    public Response create(@Valid NewWidget body) {
        caller.requireActingFor(body.ownerOrgnr(), "registrar");
        UUID id = service.create(body.title(), false);
        return Response.status(201).entity(Map.of("id", id)).build();
    }
}
