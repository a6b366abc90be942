package no.helsefellesskap.model;

import com.fasterxml.jackson.databind.JsonNode;
import no.helsefellesskap.model.events.AsyncApiCatalogue;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed AsyncAPI document is the event catalogue as the code defines it, and every schema it cites exists. */
class AsyncApiCatalogueTest {

    static final Path COMMITTED = Path.of("src/main/resources/asyncapi.json");

    @Test
    void theCommittedCatalogueIsCurrent() throws Exception {
        String expected = AsyncApiCatalogue.render();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/asyncapi.json"), expected);
        assertEquals(expected, Files.readString(COMMITTED, StandardCharsets.UTF_8),
                "asyncapi.json is out of date: copy target/asyncapi.json to " + COMMITTED);
    }

    @Test
    void everyEventTypeIsAMessageOnItsTopicWithAnExistingSchema() throws Exception {
        JsonNode doc = EventSchemaContractTest.JSON.readTree(AsyncApiCatalogue.render());
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        for (EventType t : EventTypes.ALL) {
            assertTrue(doc.at("/channels/" + t.topic() + "/messages").has(t.type()), t.type());
            String ref = doc.at("/components/messages").get(t.type()).at("/payload/$ref").asText();
            assertTrue(Files.exists(Path.of("src/main/resources").resolve(ref)), ref);
        }
    }
}
