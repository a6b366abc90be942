package no.helsefellesskap.runtime.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attributes as {@code ce_} headers, data as the value. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** The CloudEvents distributed-tracing extension: the W3C trace context of the work that recorded the event. */
    public static final String TRACEPARENT = "ce_traceparent";

    private CloudEventHeaders() {
    }

    public static void write(Headers h, String id, String type, String source, String subject, Instant time) {
        put(h, SPEC_VERSION, "1.0");
        put(h, ID, id);
        put(h, TYPE, type);
        put(h, SOURCE, source);
        put(h, SUBJECT, subject);
        put(h, TIME, time.toString());
        put(h, CONTENT_TYPE, "application/json");
    }

    /** Adds {@code ce_traceparent} when there is a trace context to pass on. */
    public static void writeTraceparent(Headers h, String traceparent) {
        if (traceparent != null) {
            put(h, TRACEPARENT, traceparent);
        }
    }

    public static String read(Headers h, String name) {
        Header header = h.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers h, String name, String value) {
        h.remove(name);
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
