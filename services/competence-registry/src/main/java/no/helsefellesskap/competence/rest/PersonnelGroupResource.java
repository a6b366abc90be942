package no.helsefellesskap.competence.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.helsefellesskap.model.codes.PersonnelGroup;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.util.List;

/** The personnel-group code list (HPR 9060 codes where authorised, ISCO-08 where a source gives it). */
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/personnel-groups")
public class PersonnelGroupResource {

    public record CodeList(String version, List<PersonnelGroup> groups) {
    }

    @Inject
    PersonnelGroups groups;
    @Operation(operationId = "listPersonnelGroups", summary = "Personnel groups (HPR 9060 where authorised)")
    @GET
    public CodeList list() {
        return new CodeList(groups.version(), groups.all());
    }

    @Operation(operationId = "getPersonnelGroup", summary = "One personnel group")
    @GET
    @Path("{code}")
    public PersonnelGroup get(@PathParam("code") String code) {
        return groups.byCode(code).orElseThrow(() -> ProblemException.notFound("Personnel group", code));
    }
}
