package no.helsefellesskap.runtime.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.Nullable;
import no.helsefellesskap.runtime.observability.Traces;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.time.format.DateTimeParseException;

/**
 * A CloudEvent read from a Kafka record in binary mode. Reading fails with {@link PoisonEventException} when a
 * required attribute is missing or the data does not match the contract, so the record goes to the DLQ.
 */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final String source;
    private final String subject;
    private final Instant time;
    private final String data;
    private final String traceparent;

    private IncomingEvent(String id, String type, String source, String subject, Instant time, String data,
                          String traceparent) {
        this.id = id;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.time = time;
        this.data = data;
        this.traceparent = traceparent;
    }

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        if (!"1.0".equals(CloudEventHeaders.read(record.headers(), CloudEventHeaders.SPEC_VERSION))) {
            throw new PoisonEventException("unsupported or missing ce_specversion");
        }
        String timeText = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME);
        Instant time;
        try {
            time = timeText == null ? null : Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp: " + timeText);
        }
        if (record.value() == null) {
            throw new PoisonEventException("record " + id + " has no data");
        }
        return new IncomingEvent(id, type, source, CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT),
                time, record.value(),
                Traces.normalised(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TRACEPARENT)));
    }

    private static String required(ConsumerRecord<String, String> r, String header) {
        String v = CloudEventHeaders.read(r.headers(), header);
        if (v == null || v.isBlank()) {
            throw new PoisonEventException("missing CloudEvents header " + header + " at " + r.topic() + "/"
                    + r.partition() + "@" + r.offset());
        }
        return v;
    }

    public boolean is(EventType eventType) {
        return eventType.type().equals(type);
    }

    /**
     * The data as the event type's payload record. Unknown properties are tolerated (newer producers); a missing or
     * null component is refused unless it is marked {@link Nullable}.
     */
    public <T extends Record> T payload(EventType eventType, ObjectMapper json) {
        if (!is(eventType)) {
            throw new IllegalStateException("event " + id + " is " + type + ", not " + eventType.type());
        }
        try {
            Object value = json.readerFor(eventType.payload())
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(data);
            requireNonNullComponents(value);
            @SuppressWarnings("unchecked")
            T t = (T) value;
            return t;
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new PoisonEventException("data of " + type + " " + id + " does not match its contract: "
                    + e.getMessage(), e);
        }
    }

    /** The payload when this event is one of {@code types} (which share a payload record), else empty. */
    public <T extends Record> Optional<T> payloadIfOneOf(ObjectMapper json, EventType... types) {
        for (EventType t : types) {
            if (is(t)) {
                return Optional.of(payload(t, json));
            }
        }
        return Optional.empty();
    }

    /** Every component not marked {@link Nullable} must be present and non-null, recursively into nested records. */
    private static void requireNonNullComponents(Object value) throws Throwable {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (Component c : COMPONENTS.get(value.getClass())) {
            Object v = c.accessor().invoke(value);
            if (v == null && !c.nullable()) {
                throw new IllegalArgumentException("'" + c.name() + "' is required");
            }
            if (v instanceof List<?> list) {
                for (Object item : list) {
                    requireNonNullComponents(item);
                }
            } else {
                requireNonNullComponents(v);
            }
        }
    }

    private record Component(String name, boolean nullable, java.lang.reflect.Method accessor) {
    }

    /**
     * A record's components, read by reflection once per class: reading them per event (new component objects,
     * their generic signatures and annotations parsed again) was most of a replay's CPU.
     */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return java.util.Arrays.stream(type.getRecordComponents()).map(c -> {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.trySetAccessible();
                return new Component(c.getName(), c.isAnnotationPresent(Nullable.class), accessor);
            }).toList();
        }
    };

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    public String subject() {
        return subject;
    }

    public Instant time() {
        return time;
    }

    public String data() {
        return data;
    }

    /** The trace context the producer passed on (a malformed one is dropped, not an error), or null. */
    public String traceparent() {
        return traceparent;
    }
}
