package no.helsefellesskap.tasks;

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

/** Nothing the task catalogue put on Kafka carries a person identifier, in payload or headers. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class NoPersonalDataTest {

    @Test
    void everyRecordThisServiceProducedIsFreeOfPersonIdentifiers() {
        String task = Api.undifferentiatedSymptoms();
        Api.put("/api/tasks/" + task + "/assessment", """
                {"requiresFormalHealthCompetence":"YES","candidateGroups":[{"group":"SP","conditions":["TRAINING","SUPERVISION"],
                 "forsvarlighetJustification":"lege vurderer samme dag"}]}""", Api.AHUS).statusCode(200);
        Api.portersModel(Api.bloodSampling());
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (String topic : List.of(EventTypes.TOPIC_TASKS, EventTypes.TOPIC_MODELS)) {
            Map<String, String> texts = TopicReader.textOfRecordsFrom(topic, "/task-catalogue", Duration.ofSeconds(5));
            seen += texts.size();
            texts.forEach((where, text) -> PersonalDataGuard.findings(text).forEach(f -> problems.add(where + ": " + f)));
        }
        assertTrue(seen >= 5, "saw " + seen);
        assertEquals(List.of(), problems);
    }
}
