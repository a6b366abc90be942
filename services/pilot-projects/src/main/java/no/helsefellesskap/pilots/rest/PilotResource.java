package no.helsefellesskap.pilots.rest;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import no.helsefellesskap.pilots.domain.Pilot;
import no.helsefellesskap.pilots.service.PilotService;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.runtime.validation.Orgnr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/pilots")
public class PilotResource {

    public record NewPilot(@NotBlank @Size(max = 300) String title,
                           @NotNull @Orgnr String ownerOrgnr) {
    }

    public record PilotView(UUID id, String title, String ownerOrgnr, String status, Instant registeredAt) {
        static PilotView of(Pilot p) {
            return new PilotView(p.id, p.title, p.ownerOrgnr, p.status.name(), p.registeredAt);
        }
    }

    @Inject
    PilotService pilots;

    @Inject
    Caller caller;

    /** A registrar registers a pilot for its own organisation. */
    @POST
    public Response register(@NotNull @Valid NewPilot body, @Context UriInfo uri) {
        caller.requireActingFor(body.ownerOrgnr(), "registrar");
        Pilot p = pilots.register(body.title(), body.ownerOrgnr());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build()).entity(PilotView.of(p)).build();
    }

    @GET
    @Path("{id}")
    public PilotView get(@PathParam("id") UUID id) {
        return PilotView.of(pilots.get(id));
    }

    @GET
    public List<PilotView> list(@QueryParam("owner") String ownerOrgnr) {
        return pilots.list(ownerOrgnr).stream().map(PilotView::of).toList();
    }
}
