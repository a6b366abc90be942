package no.helsefellesskap.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each event type's JSON Schema must describe exactly its payload record, and a serialised record must fit it. */
class EventSchemaContractTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
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
        // one topic per aggregate type
        for (EventType a : EventTypes.ALL) {
            for (EventType b : EventTypes.ALL) {
                assertEquals(a.aggregateType().equals(b.aggregateType()), a.topic().equals(b.topic()), a.type() + " / " + b.type());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> schemaMatchesRecord() {
        return EventTypes.ALL.stream().map(t -> DynamicTest.dynamicTest(t.type(), () -> {
            JsonNode schema = schema(t);
            assertEquals(t.type(), schema.get("title").asText());
            checkObject(schema, t.payload(), t.payload().getSimpleName());
        }));
    }

    /** The schema of an object lists exactly the record's components, requires the non-nullable ones, and types them. */
    private static void checkObject(JsonNode schema, Class<?> record, String where) {
        assertEquals("object", schema.get("type").asText(), where);
        assertFalse(schema.get("additionalProperties").asBoolean(true), where + " forbids other properties");
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> components = new ArrayList<>();
        Set<String> mustRequire = new HashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
            if (!c.isAnnotationPresent(Nullable.class)) {
                mustRequire.add(c.getName());
            }
        }
        assertEquals(components, properties, where + ": schema properties vs record components");
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asText()));
        assertEquals(mustRequire, required, where + ": required = the components not marked @Nullable");
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode p = schema.get("properties").get(c.getName());
            boolean nullable = c.isAnnotationPresent(Nullable.class);
            checkType(p, c.getType(), c.getGenericType(), nullable, where + "." + c.getName());
        }
    }

    private static void checkType(JsonNode p, Class<?> type, Type generic, boolean nullable, String where) {
        String expected = jsonType(type);
        JsonNode t = p.get("type");
        if (nullable) {
            assertTrue(t.isArray() && t.size() == 2 && t.get(1).asText().equals("null"), where + " allows null");
            assertEquals(expected, t.get(0).asText(), where);
        } else {
            assertTrue(t.isTextual(), where + " does not allow null");
            assertEquals(expected, t.asText(), where);
        }
        String format = format(type);
        if (format != null) {
            assertEquals(format, p.path("format").asText(null), where + " format");
        }
        if (List.class.isAssignableFrom(type)) {
            Class<?> item = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
            JsonNode items = p.get("items");
            if (item.isRecord()) {
                checkObject(items, item, where + "[]");
            } else {
                checkType(items, item, item, false, where + "[]");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> serialisedSampleConformsToSchema() {
        return EventTypes.ALL.stream().map(t -> DynamicTest.dynamicTest(t.type(), () -> {
            JsonNode schema = schema(t);
            for (boolean withNulls : new boolean[] {false, true}) {
                Record sample = (Record) sample(t.payload(), withNulls, schema);
                JsonNode json = JSON.valueToTree(sample);
                validate(schema, json, "$");
                assertEquals(sample, JSON.treeToValue(json, t.payload()), "reads back what it wrote");
            }
        }));
    }

    @Test
    void theValidatorCatchesViolations() {
        JsonNode schema = schema(EventTypes.PILOT_REGISTERED);
        JsonNode bad = JSON.createObjectNode().put("pilotId", "not-a-uuid").put("title", "x")
                .put("ownerOrgnr", "123").put("status", "DREAMING").put("registeredAt", "yesterday");
        assertThrows(AssertionError.class, () -> validate(schema, bad, "$"));
    }

    /** A small JSON Schema check covering the keywords the event schemas use. */
    static void validate(JsonNode schema, JsonNode value, String path) {
        JsonNode type = schema.get("type");
        if (value.isNull()) {
            assertTrue(type.isArray() && type.toString().contains("\"null\""), path + " must not be null");
            return;
        }
        String t = type.isArray() ? type.get(0).asText() : type.asText();
        switch (t) {
            case "object" -> {
                assertTrue(value.isObject(), path + " is an object");
                schema.get("required").forEach(r -> assertTrue(value.has(r.asText()), path + " has " + r.asText()));
                Iterator<String> names = value.fieldNames();
                while (names.hasNext()) {
                    String n = names.next();
                    JsonNode p = schema.get("properties").get(n);
                    assertNotNull(p, path + "." + n + " is not in the schema");
                    validate(p, value.get(n), path + "." + n);
                }
            }
            case "array" -> {
                assertTrue(value.isArray(), path + " is an array");
                for (int i = 0; i < value.size(); i++) {
                    validate(schema.get("items"), value.get(i), path + "[" + i + "]");
                }
            }
            case "string" -> {
                assertTrue(value.isTextual(), path + " is a string");
                String s = value.asText();
                if (schema.has("pattern")) {
                    assertTrue(s.matches(schema.get("pattern").asText()), path + " pattern");
                }
                if (schema.has("minLength")) {
                    assertTrue(s.length() >= schema.get("minLength").asInt(), path + " minLength");
                }
                if (schema.has("enum")) {
                    Set<String> allowed = new HashSet<>();
                    schema.get("enum").forEach(e -> allowed.add(e.asText()));
                    assertTrue(allowed.contains(s), path + " enum");
                }
                switch (schema.path("format").asText("")) {
                    case "uuid" -> assertTrue(s.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), path + " uuid");
                    case "date-time" -> Instant.parse(s);
                    case "date" -> LocalDate.parse(s);
                    default -> { }
                }
            }
            case "integer" -> {
                assertTrue(value.isIntegralNumber(), path + " is an integer");
                if (schema.has("minimum")) {
                    assertTrue(value.asLong() >= schema.get("minimum").asLong(), path + " minimum");
                }
            }
            case "number" -> assertTrue(value.isNumber(), path + " is a number");
            case "boolean" -> assertTrue(value.isBoolean(), path + " is a boolean");
            default -> throw new AssertionError("unhandled schema type " + t + " at " + path);
        }
    }

    static JsonNode schema(EventType t) {
        try (InputStream in = EventType.class.getResourceAsStream(t.schemaResource())) {
            assertNotNull(in, "missing schema " + t.schemaResource());
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String jsonType(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.isRecord()) {
            return "object";
        }
        return "string";
    }

    private static String format(Class<?> type) {
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

    /** A sample value per component; strings follow the schema's enum or pattern where it has one. */
    static Object sample(Class<?> type, boolean withNulls, JsonNode schema) throws Exception {
        RecordComponent[] rc = type.getRecordComponents();
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            JsonNode p = schema.get("properties").get(rc[i].getName());
            args[i] = withNulls && rc[i].isAnnotationPresent(Nullable.class) ? null
                    : value(rc[i].getType(), rc[i].getGenericType(), withNulls, p);
        }
        return type.getDeclaredConstructor(types).newInstance(args);
    }

    private static Object value(Class<?> c, Type generic, boolean withNulls, JsonNode p) throws Exception {
        if (c == UUID.class) {
            return UUID.randomUUID();
        }
        if (c == Instant.class) {
            return Instant.parse("2026-11-23T10:15:30Z");
        }
        if (c == LocalDate.class) {
            return LocalDate.of(2026, 11, 23);
        }
        if (c == int.class || c == Integer.class) {
            return 3;
        }
        if (c == long.class || c == Long.class) {
            return 4L;
        }
        if (c == double.class || c == Double.class) {
            return 2.5;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (List.class.isAssignableFrom(c)) {
            Class<?> item = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(value(item, item, withNulls, p.get("items")));
        }
        if (c.isRecord()) {
            return sample(c, withNulls, p);
        }
        if (p.has("enum")) {
            return p.get("enum").get(0).asText();
        }
        String pattern = p.path("pattern").asText("");
        return pattern.equals("^[0-9]{9}$") ? "983971636" : pattern.equals("^[0-9]{4}$") ? "0301"
                : pattern.equals("^[0-9]{2}$") ? "03" : "sample";
    }
}
