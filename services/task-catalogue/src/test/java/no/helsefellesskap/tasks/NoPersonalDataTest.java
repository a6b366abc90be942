package no.helsefellesskap.tasks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.PersonalDataGuard;
import no.helsefellesskap.model.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
            for (ConsumerRecord<String, String> r : TopicReader.read(topic,
                    x -> "/task-catalogue".equals(TopicReader.header(x, "ce_source")), Integer.MAX_VALUE, Duration.ofSeconds(5))) {
                seen++;
                StringBuilder all = new StringBuilder(r.value()).append('\n').append(r.key());
                for (Header h : r.headers()) {
                    all.append('\n').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
                }
                PersonalDataGuard.findings(all.toString()).forEach(f -> problems.add(topic + "/" + r.offset() + ": " + f));
            }
        }
        assertTrue(seen >= 5, "saw " + seen);
        assertEquals(List.of(), problems);
    }
}
