package no.helsefellesskap.model.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the event catalogue as an AsyncAPI 3.0 document: one channel per topic, one message per event type
 * (CloudEvents binary-mode headers, record key = aggregate id, payload = the type's JSON Schema), and one send
 * operation per emitting service and topic. The committed {@code asyncapi.json} is checked against this by a test.
 */
public final class AsyncApiCatalogue {

    private AsyncApiCatalogue() {
    }

    public static String render() {
        StringBuilder b = new StringBuilder();
        b.append("{\n");
        b.append("  \"asyncapi\": \"3.0.0\",\n");
        b.append("  \"info\": {\n");
        b.append("    \"title\": \"Oppgavedeling event catalogue\",\n");
        b.append("    \"version\": \"1.0.0\",\n");
        b.append("    \"description\": \"Every event of the suite. Kafka, CloudEvents 1.0 binary mode (ce_ headers), record key = aggregate id, one topic per aggregate type, poison records to <topic>.dlq. Generated from shared-model EventTypes.\"\n");
        b.append("  },\n");
        b.append("  \"defaultContentType\": \"application/json\",\n");
        b.append("  \"servers\": {\n    \"local\": { \"host\": \"127.0.0.1:19092\", \"protocol\": \"kafka\", \"description\": \"the broker ./run-suite starts\" }\n  },\n");

        Map<String, List<EventType>> byTopic = new LinkedHashMap<>();
        EventTypes.ALL.forEach(t -> byTopic.computeIfAbsent(t.topic(), k -> new java.util.ArrayList<>()).add(t));

        b.append("  \"channels\": {\n");
        b.append(byTopic.entrySet().stream().map(e -> {
            String messages = e.getValue().stream()
                    .map(t -> "        " + q(t.type()) + ": { \"$ref\": \"#/components/messages/" + t.type() + "\" }")
                    .collect(Collectors.joining(",\n"));
            return "    " + q(e.getKey()) + ": {\n      \"address\": " + q(e.getKey()) + ",\n"
                    + "      \"description\": " + q("Aggregate type " + e.getValue().get(0).aggregateType()
                    + "; dead letters on " + e.getValue().get(0).deadLetterTopic()) + ",\n"
                    + "      \"messages\": {\n" + messages + "\n      }\n    }";
        }).collect(Collectors.joining(",\n")));
        b.append("\n  },\n");

        Map<String, List<EventType>> byOperation = new LinkedHashMap<>();
        EventTypes.ALL.forEach(t -> byOperation.computeIfAbsent(t.service() + ".send." + t.topic(), k -> new java.util.ArrayList<>()).add(t));
        b.append("  \"operations\": {\n");
        b.append(byOperation.entrySet().stream().map(e -> {
            EventType first = e.getValue().get(0);
            String messages = e.getValue().stream()
                    .map(t -> "        { \"$ref\": \"#/channels/" + t.topic() + "/messages/" + t.type() + "\" }")
                    .collect(Collectors.joining(",\n"));
            return "    " + q(e.getKey()) + ": {\n      \"action\": \"send\",\n"
                    + "      \"summary\": " + q(first.service() + " publishes to " + first.topic() + " through its outbox") + ",\n"
                    + "      \"channel\": { \"$ref\": \"#/channels/" + first.topic() + "\" },\n"
                    + "      \"messages\": [\n" + messages + "\n      ]\n    }";
        }).collect(Collectors.joining(",\n")));
        b.append("\n  },\n");

        b.append("  \"components\": {\n    \"messages\": {\n");
        b.append(EventTypes.ALL.stream().map(t -> "      " + q(t.type()) + ": {\n"
                + "        \"name\": " + q(t.type()) + ",\n"
                + "        \"title\": " + q(t.payload().getSimpleName()) + ",\n"
                + "        \"contentType\": \"application/json\",\n"
                + "        \"headers\": { \"$ref\": \"#/components/schemas/CloudEventHeaders\" },\n"
                + "        \"payload\": { \"$ref\": \"./events/" + t.type() + ".schema.json\" },\n"
                + "        \"bindings\": { \"kafka\": { \"key\": { \"type\": \"string\", \"description\": "
                + q("the " + t.aggregateType() + " id") + " }, \"bindingVersion\": \"0.5.0\" } }\n"
                + "      }").collect(Collectors.joining(",\n")));
        b.append("\n    },\n");
        b.append("    \"schemas\": {\n      \"CloudEventHeaders\": {\n        \"type\": \"object\",\n");
        b.append("        \"required\": [\"ce_specversion\", \"ce_id\", \"ce_type\", \"ce_source\", \"ce_time\", \"content-type\"],\n");
        b.append("        \"properties\": {\n");
        b.append("          \"ce_specversion\": { \"type\": \"string\", \"const\": \"1.0\" },\n");
        b.append("          \"ce_id\": { \"type\": \"string\", \"format\": \"uuid\" },\n");
        b.append("          \"ce_type\": { \"type\": \"string\" },\n");
        b.append("          \"ce_source\": { \"type\": \"string\", \"description\": \"/<service>\" },\n");
        b.append("          \"ce_subject\": { \"type\": \"string\", \"description\": \"the aggregate id\" },\n");
        b.append("          \"ce_time\": { \"type\": \"string\", \"format\": \"date-time\" },\n");
        b.append("          \"content-type\": { \"type\": \"string\", \"const\": \"application/json\" }\n");
        b.append("        }\n      }\n    }\n  }\n}\n");
        return b.toString();
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
