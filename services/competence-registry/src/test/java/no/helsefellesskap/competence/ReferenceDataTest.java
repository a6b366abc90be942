package no.helsefellesskap.competence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.competence.service.ReferenceDataLoader;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.codes.CompetenceCatalogue;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class ReferenceDataTest {

    @Inject
    ReferenceDataLoader loader;

    @Inject
    EntityManager em;

    @Test
    void theCodeListsArePublishedAsDefinedEventsWithCloudEventsHeaders() {
        var records = TopicReader.read(EventTypes.TOPIC_PERSONNEL_GROUPS, r -> "JO".equals(r.key()), 1, Duration.ofSeconds(30));
        assertTrue(records.size() >= 1);
        var r = records.get(0);
        assertEquals(EventTypes.PERSONNEL_GROUP_DEFINED.type(), TopicReader.header(r, "ce_type"));
        assertEquals("/competence-registry", TopicReader.header(r, "ce_source"));
        assertEquals("JO", TopicReader.header(r, "ce_subject"));
        assertEquals("1.0", TopicReader.header(r, "ce_specversion"));
        assertEquals("[SP]", JsonPath.from(r.value()).getList("alsoAuthorisedAs").toString(), "a midwife is also a nurse");

        var competences = TopicReader.read(EventTypes.TOPIC_COMPETENCES, c -> "IV_TILBEREDNING_BLANDEKORT".equals(c.key()), 1, Duration.ofSeconds(30));
        assertEquals(EventTypes.COMPETENCE_DEFINED.type(), TopicReader.header(competences.get(0), "ce_type"));
        assertEquals("EMPLOYER_COURSE", JsonPath.from(competences.get(0).value()).getString("type"));
    }

    @Test
    void loadingTheSameFilesAgainChangesNothing() {
        long before = outboxRows();
        ReferenceDataLoader.Result r = loader.load(PersonnelGroups.loadDefault(), CompetenceCatalogue.loadDefault());
        assertEquals(0, r.defined());
        assertEquals(0, r.changed());
        assertEquals(PersonnelGroups.loadDefault().all().size() + CompetenceCatalogue.loadDefault().competences().size(), r.unchanged());
        assertEquals(before, outboxRows(), "no event for unchanged reference data");
    }

    @Test
    void aChangedDataFileProducesAChangeEventForTheChangedRowOnly() {
        ReferenceDataLoader.Result r = loader.load(PersonnelGroups.load("/test-codelists/personnel-groups.changed.csv"),
                CompetenceCatalogue.loadDefault());
        assertEquals(1, r.changed());
        assertEquals(0, r.defined());
        var changed = TopicReader.read(EventTypes.TOPIC_PERSONNEL_GROUPS,
                c -> EventTypes.PERSONNEL_GROUP_CHANGED.type().equals(TopicReader.header(c, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals(1, changed.size());
        assertEquals("PORTOR", changed.get(0).key());
        assertEquals("hospital porter", JsonPath.from(changed.get(0).value()).getString("nameEn"));
        assertEquals("test-changed", JsonPath.from(changed.get(0).value()).getString("codeListVersion"));
        // back to the shipped file: one more change, then quiet
        assertEquals(1, loader.load(PersonnelGroups.loadDefault(), CompetenceCatalogue.loadDefault()).changed());
        assertEquals(0, loader.load(PersonnelGroups.loadDefault(), CompetenceCatalogue.loadDefault()).changed());
    }

    @Test
    void competencesAndSignOffSchemesAreServed() {
        String token = TestTokens.bearer("842566142");
        given().header("Authorization", token).get("/api/competences/BLODPROVETAKING")
                .then().statusCode(200).body("type", equalTo("EMPLOYER_COURSE"))
                .body("closedBy", hasItem("COURSE_AND_SUPERVISED_PRACTICE"));
        given().header("Authorization", token).get("/api/sign-off-schemes/ROYKEN")
                .then().statusCode(200).body("steps", equalTo(java.util.List.of("IDENTIFY_GAP", "THEORETICAL_AND_PRACTICAL_TRAINING", "DOCUMENTED_TEST")));
        given().header("Authorization", token).get("/api/sign-off-schemes/LOCAL_FULLMAKT")
                .then().statusCode(200).body("validOnlyInIssuingUnit", equalTo(true)).body("repetitions", equalTo("6-8"));
        given().header("Authorization", token).get("/api/competences/NOPE").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", token).get("/api/personnel-groups/JO")
                .then().statusCode(200).body("alsoAuthorisedAs", hasItem("SP")).body("educationRoute", equalTo("UNIVERSITY"));
    }

    private long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue());
    }
}
