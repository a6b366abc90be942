package no.helsefellesskap.demo;

import com.fasterxml.jackson.databind.JsonNode;
import no.helsefellesskap.model.codes.CompetenceCatalogue;
import no.helsefellesskap.model.codes.OrganisationNumber;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.codes.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dataset as data: every record cites its source, every code is in the code lists, every reference resolves. */
class DemoDataSourcesTest {

    static final DemoData DATA = DemoData.packaged();

    /** Lines of each seed file (../shared/seeds), so a cited line can be checked without the files at hand. */
    static final Map<String, Integer> SEED_LINES = Map.of("000", 5953, "001", 2666, "002", 4614, "003", 29529,
            "004", 188);

    static final Pattern CITATION = Pattern.compile("seeds/(\\d{3})((?:[ ,;]+L\\d+(?:[-–]\\d+)?)+)");
    static final Pattern LINE = Pattern.compile("L(\\d+)(?:[-–](\\d+))?");

    @Test
    void everyRecordCitesTheSourceLinesItComesFrom() {
        List<String> missing = new ArrayList<>();
        int citations = 0;
        for (String kind : DemoData.KINDS) {
            for (DemoData.Entry e : DATA.all(kind)) {
                String where = e.file() + " " + kind + " " + e.key();
                citations += check(where, e.node().path("source"), missing, kind.equals("organisations"));
                for (String dated : List.of("started", "completed", "abandoned")) {
                    JsonNode d = e.node().path(dated);
                    if (d.isObject() && d.hasNonNull("date")) {
                        citations += check(where + " " + dated, d.path("source"), missing, false);
                    }
                }
                for (JsonNode o : e.node().path("outcomes")) {
                    citations += check(where + " outcome " + o.path("metric").asText(o.path("dimension").asText()),
                            o.path("source"), missing, false);
                }
            }
        }
        assertTrue(missing.isEmpty(), "records without a checkable source:\n" + String.join("\n", missing));
        assertTrue(citations > 150, "the dataset cites its sources line by line: " + citations);
        DATA.sources().forEach((file, s) -> assertTrue(s.path("document").asText().startsWith("seeds/"), file));
    }

    /** @return how many line citations the source has; adds to {@code missing} if none, or a line is out of range */
    private static int check(String where, JsonNode source, List<String> missing, boolean organisation) {
        String s = source.asText("");
        Matcher m = CITATION.matcher(s);
        int n = 0;
        while (m.find()) {
            int lines = SEED_LINES.get(m.group(1));
            Matcher l = LINE.matcher(m.group(2));
            while (l.find()) {
                int from = Integer.parseInt(l.group(1));
                int to = l.group(2) == null ? from : Integer.parseInt(l.group(2));
                if (from < 1 || to < from || to > lines) {
                    missing.add(where + ": line range L" + from + "-" + to + " is not in seeds/" + m.group(1));
                }
                n++;
            }
        }
        if (n == 0 && !(organisation && !s.isBlank())) {
            missing.add(where + ": '" + s + "'");
        }
        return n;
    }

    @Test
    void everyCodeIsInTheCodeListsAndEveryReferenceResolves() {
        Vocabulary v = Vocabulary.loadDefault();
        PersonnelGroups groups = PersonnelGroups.loadDefault();
        CompetenceCatalogue competences = CompetenceCatalogue.loadDefault();
        List<String> wrong = new ArrayList<>();
        Set<String> orgCodes = new HashSet<>(DATA.organisations().keySet());
        orgCodes.addAll(referenceOrganisations());
        for (DemoData.Entry o : DATA.all("organisations")) {
            term(v, Vocabulary.ORGANISATION_KIND, o.text("kind"), o, wrong);
            if (o.text("orgnr") != null && !OrganisationNumber.isValid(o.text("orgnr"))) {
                wrong.add(o.key() + ": orgnr");
            }
            DemoData.Entry first = DATA.organisations().get(o.key());
            if (!first.text("kind").equals(o.text("kind")) || !first.text("name").equals(o.text("name"))) {
                wrong.add(o.key() + ": defined differently in " + first.file() + " and " + o.file());
            }
        }
        Map<String, DemoData.Entry> tasks = DATA.byKey("tasks");
        Map<String, DemoData.Entry> models = DATA.byKey("models");
        Map<String, DemoData.Entry> pilots = DATA.byKey("pilots");
        for (DemoData.Entry t : DATA.all("tasks")) {
            term(v, Vocabulary.TASK_CATEGORY, t.text("category"), t, wrong);
            t.list("settings").forEach(x -> term(v, Vocabulary.SETTING, x, t, wrong));
            t.list("currentPerformerGroups").forEach(g -> group(groups, g, t, wrong));
            JsonNode a = t.node().path("assessment");
            a.path("sharingDirections").forEach(x -> term(v, Vocabulary.SHARING_DIRECTION, x.asText(), t, wrong));
            a.path("candidateGroups").forEach(c -> {
                group(groups, c.path("group").asText(), t, wrong);
                c.path("conditions").forEach(x -> term(v, "candidate-condition", x.asText(), t, wrong));
            });
        }
        for (DemoData.Entry m : DATA.all("models")) {
            term(v, Vocabulary.MODEL_TYPE, m.text("modelType"), m, wrong);
            term(v, Vocabulary.EVIDENCE_LEVEL, m.text("evidenceLevel"), m, wrong);
            m.list("fromGroups").forEach(g -> group(groups, g, m, wrong));
            m.list("toGroups").forEach(g -> group(groups, g, m, wrong));
            m.list("taskKeys").forEach(k -> ref(tasks, k, m, wrong));
            if (m.text("signOffScheme") != null && competences.scheme(m.text("signOffScheme")).isEmpty()) {
                wrong.add(m.key() + ": sign-off scheme " + m.text("signOffScheme"));
            }
        }
        for (DemoData.Entry p : DATA.all("pilots")) {
            assertTrue(orgCodes.contains(p.text("owner")), p.key() + " owner " + p.text("owner"));
            p.list("partners").forEach(x -> assertTrue(orgCodes.contains(x), p.key() + " partner " + x));
            p.list("fromGroups").forEach(g -> group(groups, g, p, wrong));
            p.list("toGroups").forEach(g -> group(groups, g, p, wrong));
            p.list("priorityGroups").forEach(x -> term(v, Vocabulary.PRIORITY_GROUP, x, p, wrong));
            p.list("settings").forEach(x -> term(v, Vocabulary.SETTING, x, p, wrong));
            p.list("taskKeys").forEach(k -> ref(tasks, k, p, wrong));
            if (p.text("modelKey") != null) {
                ref(models, p.text("modelKey"), p, wrong);
            }
            if (p.text("modelKey") == null && p.list("taskKeys").isEmpty() && p.text("notLoaded") == null) {
                wrong.add(p.key() + ": follows no model and names no task");
            }
            if (p.text("derivedFromKey") != null) {
                ref(pilots, p.text("derivedFromKey"), p, wrong);
            }
            if (p.node().path("abandoned").isObject()) {
                term(v, Vocabulary.ABANDONMENT_REASON, p.node().path("abandoned").path("reason").asText(), p, wrong);
            }
        }
        for (DemoData.Entry e : DATA.all("evaluations")) {
            ref(pilots, e.text("pilotKey"), e, wrong);
            assertTrue(orgCodes.contains(e.text("evaluator")), e.key() + " evaluator " + e.text("evaluator"));
            term(v, Vocabulary.EVALUATION_DESIGN, e.text("design"), e, wrong);
            term(v, Vocabulary.EVIDENCE_LEVEL, e.text("evidenceLevel"), e, wrong);
            e.node().path("outcomes").forEach(o -> term(v, Vocabulary.OUTCOME_DIMENSION, o.path("dimension").asText(), e, wrong));
            e.list("barriers").forEach(x -> term(v, Vocabulary.BARRIER, x, e, wrong));
            e.list("enablers").forEach(x -> term(v, Vocabulary.ENABLER, x, e, wrong));
        }
        for (DemoData.Entry a : DATA.all("adoptions")) {
            ref(models, a.text("modelKey"), a, wrong);
            assertTrue(orgCodes.contains(a.text("adopter")), a.key() + " adopter " + a.text("adopter"));
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        for (String kind : List.of("tasks", "models", "pilots", "evaluations", "adoptions")) {
            assertEquals(DATA.all(kind).size(), DATA.byKey(kind).size(), kind + " keys are unique");
        }
    }

    @Test
    void theRealCasesOfEachSourceAreThere() {
        List<String> titles = DATA.all("pilots").stream().map(p -> p.text("title").toLowerCase()).toList();
        for (String must : List.of("apotektekniker", "forsyningsportør", "birkenes", "rakkestad", "tørn", "bodø",
                "tromsø", "nora nord", "haraldsplass")) {
            assertTrue(titles.stream().anyMatch(t -> t.contains(must)), "a pilot about " + must + ": " + titles);
        }
        assertTrue(DATA.all("pilots").stream().anyMatch(p -> "ABANDONED".equals(p.text("status"))
                && p.text("title").toLowerCase().contains("nyfødt")), "the NICU discontinuation is a record");
    }

    @Test
    void organisationsWithoutANumberGetAStableDemoIdentityNoRegisterIssues() {
        String id = DemoDataLoader.demoIdentity("OSLO-ECONOMICS");
        assertEquals(id, DemoDataLoader.demoIdentity("OSLO-ECONOMICS"));
        assertTrue(id.startsWith("1") && OrganisationNumber.isValid(id), id);
        assertTrue(!id.equals(DemoDataLoader.demoIdentity("FAFO")));
    }

    /** The organisations and municipalities pilot-projects loads at start (its reference files in this repository). */
    private static Set<String> referenceOrganisations() {
        Set<String> codes = new HashSet<>();
        for (String file : List.of("organisations.v1.csv", "municipalities.v1.csv")) {
            java.nio.file.Path csv = java.nio.file.Path.of("../../services/pilot-projects/src/main/resources/reference/"
                    + file);
            try (var in = java.nio.file.Files.newInputStream(csv)) {
                no.helsefellesskap.model.codes.CsvTable.read(csv.toString(), in).rows().forEach(r -> codes.add(r.get("code")));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return codes;
    }

    private static void term(Vocabulary v, String list, String code, DemoData.Entry e, List<String> wrong) {
        if (code != null && !v.contains(list, code)) {
            wrong.add(e.file() + " " + e.key() + ": '" + code + "' not in " + list);
        }
    }

    private static void group(PersonnelGroups g, String code, DemoData.Entry e, List<String> wrong) {
        if (!g.isKnown(code)) {
            wrong.add(e.file() + " " + e.key() + ": personnel group " + code);
        }
    }

    private static void ref(Map<String, DemoData.Entry> m, String key, DemoData.Entry e, List<String> wrong) {
        if (!m.containsKey(key)) {
            wrong.add(e.file() + " " + e.key() + ": unknown reference " + key);
        }
    }
}
