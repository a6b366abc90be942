package no.helsefellesskap.spread.dashboard.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.spread.dashboard.ModelPage;

import java.util.UUID;

/** One model's page: versions, evidence, pilots, adoptions, requirements, and the caller's own competence gap. */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @Inject
    ModelPage page;

    @Inject
    Caller caller;
    @Operation(operationId = "getModel", summary = "A model's page: versions, evidence, adoptions and the caller's competence gap")
    @GET
    @Path("{id}")
    public ModelPage.View get(@PathParam("id") UUID id) {
        return page.of(id, caller.orgnr());
    }
}
