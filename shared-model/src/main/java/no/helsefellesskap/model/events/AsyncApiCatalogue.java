package no.helsefellesskap.model.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the event catalogue as an AsyncAPI 3.0 document: one channel per topic, one message per event type
 * (CloudEvents binary-mode headers, record key = aggregate id, payload = the type's JSON Schema), and one send
 * operation per emitting service and topic. The committed {@code asyncapi.json} is checked against this by a test.
 */
public final class AsyncApiCatalogue {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AsyncApiCatalogue() {
    }

    public static String render() {
        ObjectNode doc = JSON.createObjectNode().put("asyncapi", "3.0.0");
        doc.putObject("info").put("title", "Oppgavedeling event catalogue").put("version", "1.0.0")
                .put("description", "Every event of the suite. Kafka, CloudEvents 1.0 binary mode (ce_ headers), record"
                        + " key = aggregate id, one topic per aggregate type, poison records to <topic>.dlq. Generated"
                        + " from shared-model EventTypes.");
        doc.put("defaultContentType", "application/json");
        doc.putObject("servers").putObject("local").put("host", "127.0.0.1:19092").put("protocol", "kafka")
                .put("description", "the broker ./run-suite starts");

        Map<String, List<EventType>> byTopic = new LinkedHashMap<>();
        EventTypes.ALL.forEach(t -> byTopic.computeIfAbsent(t.topic(), k -> new ArrayList<>()).add(t));
        ObjectNode channels = doc.putObject("channels");
        byTopic.forEach((topic, types) -> {
            ObjectNode c = channels.putObject(topic).put("address", topic).put("description", "Aggregate type "
                    + types.get(0).aggregateType() + "; dead letters on " + types.get(0).deadLetterTopic());
            ObjectNode messages = c.putObject("messages");
            types.forEach(t -> messages.putObject(t.type()).put("$ref", "#/components/messages/" + t.type()));
        });

        Map<String, List<EventType>> byOperation = new LinkedHashMap<>();
        EventTypes.ALL.forEach(t -> byOperation.computeIfAbsent(t.service() + ".send." + t.topic(),
                k -> new ArrayList<>()).add(t));
        ObjectNode operations = doc.putObject("operations");
        byOperation.forEach((name, types) -> {
            EventType first = types.get(0);
            ObjectNode o = operations.putObject(name).put("action", "send")
                    .put("summary", first.service() + " publishes to " + first.topic() + " through its outbox");
            o.putObject("channel").put("$ref", "#/channels/" + first.topic());
            ArrayNode messages = o.putArray("messages");
            types.forEach(t -> messages.addObject().put("$ref", "#/channels/" + t.topic() + "/messages/" + t.type()));
        });

        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        for (EventType t : EventTypes.ALL) {
            ObjectNode m = messages.putObject(t.type()).put("name", t.type()).put("title", t.payload().getSimpleName())
                    .put("contentType", "application/json");
            m.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
            m.putObject("payload").put("$ref", "./events/" + t.type() + ".schema.json");
            ObjectNode kafka = m.putObject("bindings").putObject("kafka");
            kafka.putObject("key").put("type", "string").put("description", "the " + t.aggregateType() + " id");
            kafka.put("bindingVersion", "0.5.0");
        }
        ObjectNode headers = components.putObject("schemas").putObject("CloudEventHeaders").put("type", "object");
        ArrayNode required = headers.putArray("required");
        List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type").forEach(required::add);
        ObjectNode p = headers.putObject("properties");
        p.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        p.putObject("ce_id").put("type", "string").put("format", "uuid");
        p.putObject("ce_type").put("type", "string");
        p.putObject("ce_source").put("type", "string").put("description", "/<service>");
        p.putObject("ce_subject").put("type", "string").put("description", "the aggregate id");
        p.putObject("ce_time").put("type", "string").put("format", "date-time");
        p.putObject("content-type").put("type", "string").put("const", "application/json");
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
