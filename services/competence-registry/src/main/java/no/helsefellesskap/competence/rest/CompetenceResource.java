package no.helsefellesskap.competence.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.helsefellesskap.model.codes.Competence;
import no.helsefellesskap.model.codes.CompetenceCatalogue;
import no.helsefellesskap.model.codes.SignOffScheme;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.util.List;

/** Competences (by type and issuer) and the sign-off schemes that document them. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/api")
public class CompetenceResource {

    public record CompetenceList(String version, List<Competence> competences) {
    }

    public record SchemeList(String version, List<SignOffScheme> schemes) {
    }

    @Inject
    CompetenceCatalogue catalogue;
    @Operation(operationId = "listCompetences", summary = "Competences (role-level requirements)")
    @GET
    @Path("competences")
    public CompetenceList competences() {
        return new CompetenceList(catalogue.competenceVersion(), catalogue.competences());
    }

    @Operation(operationId = "getCompetence", summary = "One competence")
    @GET
    @Path("competences/{code}")
    public Competence competence(@PathParam("code") String code) {
        return catalogue.competence(code).orElseThrow(() -> ProblemException.notFound("Competence", code));
    }

    @Operation(operationId = "listSignOffSchemes", summary = "Sign-off schemes (how a competence is approved)")
    @GET
    @Path("sign-off-schemes")
    public SchemeList schemes() {
        return new SchemeList(catalogue.schemeVersion(), catalogue.schemes());
    }

    @Operation(operationId = "getSignOffScheme", summary = "One sign-off scheme")
    @GET
    @Path("sign-off-schemes/{code}")
    public SignOffScheme scheme(@PathParam("code") String code) {
        return catalogue.scheme(code).orElseThrow(() -> ProblemException.notFound("Sign-off scheme", code));
    }
}
