package no.helsefellesskap.runtime.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.helsefellesskap.model.codes.CompetenceCatalogue;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Every code list a caller may send or filter on, with its version and its English and Bokmål names, served by every
 * service from the same versioned files in {@code shared-model}: what a registrar needs to fill in a field correctly.
 */
@Path("/api/code-lists")
@Produces(MediaType.APPLICATION_JSON)
public class CodeListResource {

    public record Code(String code, String nameEn, String nameNb) {
    }

    public record CodeList(String name, String version, String source, List<Code> codes) {
    }

    public record Index(List<CodeList> lists) {
    }

    static final String PERSONNEL_GROUP = "personnel-group";
    static final String FEED_EVENT_TYPE = "feed-event-type";
    static final String COMPETENCE = "competence";

    @Inject
    Vocabulary vocabulary;

    @Inject
    PersonnelGroups groups;

    @Inject
    CompetenceCatalogue competences;
    @Operation(operationId = "listCodeLists", summary = "The code lists this service validates against, with their versions")
    @GET
    public Index all() {
        List<CodeList> lists = new ArrayList<>();
        for (String name : vocabulary.listNames()) {
            lists.add(vocabularyList(name));
        }
        lists.add(personnelGroups());
        lists.add(competences());
        lists.add(feedEventTypes());
        return new Index(lists);
    }

    @Operation(operationId = "getCodeList", summary = "One code list: its codes with Norwegian and English names")
    @GET
    @Path("{name}")
    public CodeList one(@PathParam("name") String name) {
        if (PERSONNEL_GROUP.equals(name)) {
            return personnelGroups();
        }
        if (FEED_EVENT_TYPE.equals(name)) {
            return feedEventTypes();
        }
        if (COMPETENCE.equals(name)) {
            return competences();
        }
        if (!vocabulary.listNames().contains(name)) {
            throw ProblemException.notFound("Code list", name);
        }
        return vocabularyList(name);
    }

    private CodeList vocabularyList(String name) {
        return new CodeList(name, vocabulary.version(), "shared-model " + Vocabulary.DEFAULT_RESOURCE,
                vocabulary.codes(name).stream().map(c -> new Code(c, vocabulary.nameEn(name, c),
                        vocabulary.nameNb(name, c))).toList());
    }

    private CodeList personnelGroups() {
        return new CodeList(PERSONNEL_GROUP, groups.version(), "shared-model " + PersonnelGroups.DEFAULT_RESOURCE,
                groups.all().stream().map(g -> new Code(g.code(), g.nameEn(), g.nameNb())).toList());
    }

    private CodeList competences() {
        return new CodeList(COMPETENCE, competences.competenceVersion(), "shared-model " + CompetenceCatalogue.COMPETENCES,
                competences.competences().stream().map(c -> new Code(c.code(), c.nameEn(), c.nameNb())).toList());
    }

    private CodeList feedEventTypes() {
        return new CodeList(FEED_EVENT_TYPE, "v1", "shared-model EventTypes.FEED (the AsyncAPI document)",
                EventTypes.FEED.stream().map(EventType::type).map(t -> new Code(t, null, null)).toList());
    }
}
