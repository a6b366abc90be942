package no.helsefellesskap.spread.projection.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.spread.projection.RebuildService;

/** Operations for programme administrators. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    RebuildService rebuild;

    @Inject
    Caller caller;

    /**
     * Empties the read models and replays every topic from its first offset (`./run-suite rebuild-read-models`).
     * Subscriptions, the feed and delivery state are kept, so nothing is delivered twice.
     */
    @Operation(operationId = "rebuildReadModels", summary = "Rebuild the read models from every topic")
    @SecurityRequirement(name = "jwt", scopes = "programme-admin")
    @POST
    @Path("read-models/rebuild")
    public RebuildService.Result rebuild() {
        caller.requireRole("programme-admin");
        return rebuild.rebuild();
    }
}
