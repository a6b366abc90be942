package no.helsefellesskap.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each event type's JSON Schema must describe exactly its payload record, and a serialised record must fit it. */
class EventSchemaContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void typeNamesFollowTheConventionAndAreUnique() {
        Set<String> seen = new HashSet<>();
        for (EventType t : EventTypes.ALL) {
            assertTrue(t.type().matches("no\\.helsefellesskap\\.[a-z-]+\\.[a-z.-]+\\.v[0-9]+"), t.type());
            assertTrue(t.type().startsWith(EventTypes.PREFIX + t.service() + "."), t.type());
            assertTrue(seen.add(t.type()), "duplicate " + t.type());
            assertEquals(t.topic() + ".dlq", t.deadLetterTopic());
        }
    }

    @TestFactory
    Stream<DynamicTest> schemaMatchesRecord() {
        return EventTypes.ALL.stream().map(t -> DynamicTest.dynamicTest(t.type(), () -> {
            JsonNode schema = schema(t);
            assertEquals(t.type(), schema.get("title").asText());
            assertEquals("object", schema.get("type").asText());
            assertEquals(false, schema.get("additionalProperties").asBoolean());

            List<String> components = Arrays.stream(t.payload().getRecordComponents()).map(RecordComponent::getName).toList();
            List<String> properties = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertEquals(components, properties, "schema properties vs record components of " + t.payload().getSimpleName());

            Set<String> required = new HashSet<>();
            schema.get("required").forEach(n -> required.add(n.asText()));
            assertEquals(new HashSet<>(components), required, "every component is required");

            for (RecordComponent c : t.payload().getRecordComponents()) {
                JsonNode p = schema.get("properties").get(c.getName());
                assertEquals(expectedType(c.getType()), p.get("type").asText(), c.getName());
                String format = expectedFormat(c.getType());
                if (format != null) {
                    assertEquals(format, p.path("format").asText(null), c.getName() + " format");
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> serialisedSampleConformsToSchema() {
        return EventTypes.ALL.stream().map(t -> DynamicTest.dynamicTest(t.type(), () -> {
            JsonNode schema = schema(t);
            Record sample = sample(t.payload());
            JsonNode json = JSON.valueToTree(sample);
            Iterator<String> names = json.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode p = schema.get("properties").get(name);
                assertNotNull(p, "serialised field " + name + " is not in the schema");
                JsonNode v = json.get(name);
                switch (p.get("type").asText()) {
                    case "string" -> {
                        assertTrue(v.isTextual(), name);
                        if (p.has("pattern")) {
                            assertTrue(v.asText().matches(p.get("pattern").asText()), name + " pattern");
                        }
                        if (p.has("enum")) {
                            Set<String> allowed = new HashSet<>();
                            p.get("enum").forEach(e -> allowed.add(e.asText()));
                            assertTrue(allowed.contains(v.asText()), name + " enum");
                        }
                    }
                    case "integer" -> assertTrue(v.isIntegralNumber(), name);
                    case "boolean" -> assertTrue(v.isBoolean(), name);
                    default -> throw new AssertionError("unhandled schema type for " + name);
                }
            }
            // And back: the record reads what it wrote.
            assertEquals(sample, JSON.treeToValue(json, t.payload()));
        }));
    }

    private static JsonNode schema(EventType t) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(t.schemaResource())) {
            assertNotNull(in, "missing schema " + t.schemaResource());
            return JSON.readTree(in);
        }
    }

    private static String expectedType(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        return "string";
    }

    private static String expectedFormat(Class<?> type) {
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == Instant.class) {
            return "date-time";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        return null;
    }

    /** A sample value per component type; strings chosen to satisfy the schemas' patterns and enums. */
    private static Record sample(Class<? extends Record> type) throws Exception {
        RecordComponent[] rc = type.getRecordComponents();
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            String n = rc[i].getName();
            Class<?> c = rc[i].getType();
            args[i] = c == UUID.class ? UUID.randomUUID()
                    : c == Instant.class ? Instant.parse("2026-11-23T10:15:30Z")
                    : c == LocalDate.class ? LocalDate.of(2026, 11, 23)
                    : c == int.class ? 3
                    : n.toLowerCase().endsWith("orgnr") ? "983971636"
                    : n.equals("status") ? "PLANNED"
                    : "sample";
        }
        return type.getDeclaredConstructor(types).newInstance(args);
    }
}
