package no.helsefellesskap.competence.rest;

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

    @GET
    public CodeList list() {
        return new CodeList(groups.version(), groups.all());
    }

    @GET
    @Path("{code}")
    public PersonnelGroup get(@PathParam("code") String code) {
        return groups.byCode(code).orElseThrow(() -> ProblemException.notFound("Personnel group", code));
    }
}
