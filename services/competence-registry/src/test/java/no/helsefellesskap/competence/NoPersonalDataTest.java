package no.helsefellesskap.competence;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.PersonalDataGuard;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing this service has put on Kafka carries a person identifier, in payload or headers. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class NoPersonalDataTest {

    @Test
    void everyRecordThisServiceProducedIsFreeOfPersonIdentifiers() {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (String topic : List.of(EventTypes.TOPIC_PERSONNEL_GROUPS, EventTypes.TOPIC_COMPETENCES, EventTypes.TOPIC_COMPETENCE_PROFILES)) {
            Map<String, String> texts = TopicReader.textOfRecordsFrom(topic, "/competence-registry", Duration.ofSeconds(5));
            seen += texts.size();
            texts.forEach((where, text) -> PersonalDataGuard.findings(text).forEach(f -> problems.add(where + ": " + f)));
        }
        assertTrue(seen > 20, "the reference data alone gives more than 20 records; saw " + seen);
        assertEquals(List.of(), problems);
    }
}
