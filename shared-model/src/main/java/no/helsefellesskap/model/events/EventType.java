package no.helsefellesskap.model.events;

/**
 * One kind of event on the bus: its CloudEvents type, the topic of its aggregate type, and its payload record.
 * Type names follow {@code no.helsefellesskap.<service>.<event>.v1}.
 */
public record EventType(String type, String service, String aggregateType, String topic,
                        Class<? extends Record> payload) {

    /** The CloudEvents {@code source} attribute for events this service emits. */
    public String source() {
        return "/" + service;
    }

    /** Where the JSON Schema of this event's payload lives on the classpath. */
    public String schemaResource() {
        return "/events/" + type + ".schema.json";
    }

    public String deadLetterTopic() {
        return topic + ".dlq";
    }
}
