package no.helsefellesskap.competence;

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

/** Nothing this service has put on Kafka carries a person identifier, in payload or headers. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class NoPersonalDataTest {

    @Test
    void everyRecordThisServiceProducedIsFreeOfPersonIdentifiers() {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (String topic : List.of(EventTypes.TOPIC_PERSONNEL_GROUPS, EventTypes.TOPIC_COMPETENCES, EventTypes.TOPIC_COMPETENCE_PROFILES)) {
            for (ConsumerRecord<String, String> r : TopicReader.read(topic,
                    x -> "/competence-registry".equals(TopicReader.header(x, "ce_source")), Integer.MAX_VALUE, Duration.ofSeconds(5))) {
                seen++;
                StringBuilder all = new StringBuilder(r.value()).append('\n').append(r.key());
                for (Header h : r.headers()) {
                    all.append('\n').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
                }
                PersonalDataGuard.findings(all.toString()).forEach(f -> problems.add(topic + "/" + r.offset() + ": " + f));
            }
        }
        assertTrue(seen > 20, "the reference data alone gives more than 20 records; saw " + seen);
        assertEquals(List.of(), problems);
    }
}
