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

    public record NewWidget(@NotBlank @Size(max = 200) String title, @NotBlank String ownerOrgnr,
                            java.time.LocalDate due) {
    }

    @Inject
    WidgetService service;

    @Inject
    Caller caller;

    /** A required query parameter, as some services have (named in the problem when missing). */
    @jakarta.ws.rs.GET
    public Map<String, Object> ofOwner(@jakarta.ws.rs.QueryParam("ownerOrgnr") @jakarta.validation.constraints.NotNull String ownerOrgnr) {
        return Map.of("ownerOrgnr", ownerOrgnr);
    }

    @POST
    public Response create(@Valid NewWidget body) {
        caller.requireActingFor(body.ownerOrgnr(), "registrar");
        UUID id = service.create(body.title(), false);
        return Response.status(201).entity(Map.of("id", id)).build();
    }
}
