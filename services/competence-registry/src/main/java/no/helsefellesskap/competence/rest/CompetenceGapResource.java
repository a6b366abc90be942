package no.helsefellesskap.competence.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import no.helsefellesskap.competence.service.CompetenceGapService;
import no.helsefellesskap.runtime.validation.Orgnr;

import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/competence-gaps")
public class CompetenceGapResource {

    @Inject
    CompetenceGapService gaps;

    /** What an organisation lacks to run a model version, and the sign-off schemes that close each gap. */
    @Operation(operationId = "getCompetenceGap", summary = "An organisation's competence gap for a model version, from aggregate counts")
    @GET
    public CompetenceGapService.Report report(@QueryParam("modelId") @NotNull UUID modelId,
                                              @QueryParam("version") @NotNull @Min(1) Integer version,
                                              @QueryParam("orgnr") @NotNull @Orgnr String orgnr) {
        return gaps.report(modelId, version, orgnr);
    }
}
