package no.helsefellesskap.runtime.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.PersonalDataGuard;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.runtime.observability.Traces;
import no.helsefellesskap.runtime.problem.ProblemException;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. It is published by {@link OutboxRelay} only if that transaction
 * commits, and the relay is woken as soon as it has.
 */
@ApplicationScoped
public class Outbox {


    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    jakarta.enterprise.event.Event<OutboxRecorded> recorded;


    /** The first field of the payload whose value (or name) the guard objects to, as a JSON path. */
    private String personalDataField(String payload) {
        try {
            String found = firstPersonal(json.readTree(payload), "");
            return found == null || found.isEmpty() ? "body" : found;
        } catch (JsonProcessingException ex) {
            return "body";
        }
    }

    private static String firstPersonal(JsonNode node, String path) {
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var f = it.next();
                String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (!PersonalDataGuard.findings("{\"" + f.getKey() + "\":0}").isEmpty()) {
                    return p;
                }
                String inner = firstPersonal(f.getValue(), p);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = firstPersonal(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        } else if (!PersonalDataGuard.findings(node.asText()).isEmpty()) {
            return path;
        }
        return null;
    }

    /** @return the event id, which becomes the CloudEvents {@code id} */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID emit(EventType type, Object aggregateId, Record payload) {
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payload().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.aggregateType = type.aggregateType();
        e.aggregateId = String.valueOf(aggregateId);
        e.type = type.type();
        e.timestamp = Instant.now();
        e.topic = type.topic();
        e.source = type.source();
        e.traceparent = Traces.current();
        try {
            e.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot serialise " + type.type(), ex);
        }
        // Last line of defence: no person identifier may leave a service in an event.
        // A caller's input is the only way it can get here, so it is the caller's error (422), not ours.
        if (!PersonalDataGuard.findings(e.payload).isEmpty()) {
            throw ProblemException.invalid(personalDataField(e.payload),
                    "looks like a person identifier (an 11-digit national id form or a person's name or HPR field);"
                            + " records are shared per role and as counts, never per person");
        }
        em.persist(e);
        wakeRelayAfterCommit();
        return e.id;
    }

    private void wakeRelayAfterCommit() {
        recorded.fire(new OutboxRecorded());
    }
}
