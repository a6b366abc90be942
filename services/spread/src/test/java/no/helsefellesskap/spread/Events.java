package no.helsefellesskap.spread;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import no.helsefellesskap.infra.test.TestInfra;
import no.helsefellesskap.model.events.EvaluationPublished;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.FreedTimeScenario;
import no.helsefellesskap.model.events.OutcomeReported;
import no.helsefellesskap.model.events.OrganisationChanged;
import no.helsefellesskap.model.events.PartnershipChanged;
import no.helsefellesskap.model.events.PartnershipMember;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.model.events.PilotEvaluationOverdue;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.model.events.TaskRegistered;
import no.helsefellesskap.model.events.PilotStatusChanged;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Writes events as the owning services do (CloudEvents binary mode, keyed by aggregate id) to the real broker. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static KafkaProducer<String, String> producer;

    /** The trace context the next events carry, as pilot-projects' relay would send it ({@link #traced}). */
    private static String traceparent;

    /** Publishes what {@code publishing} publishes as the work of the given trace. */
    static synchronized <T> T traced(String traceparent, java.util.function.Supplier<T> publishing) {
        Events.traceparent = traceparent;
        try {
            return publishing.get();
        } finally {
            Events.traceparent = null;
        }
    }

    private Events() {
    }

    static synchronized String publish(EventType type, Object key, Record payload) {
        return publish(type, key, payload, Instant.now());
    }

    static synchronized String publish(EventType type, Object key, Record payload, Instant time) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfra.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer());
        }
        String id = UUID.randomUUID().toString();
        try {
            ProducerRecord<String, String> r = new ProducerRecord<>(type.topic(), key.toString(),
                    JSON.writeValueAsString(payload));
            header(r, "ce_specversion", "1.0");
            header(r, "ce_id", id);
            header(r, "ce_type", type.type());
            header(r, "ce_source", "/" + type.service());
            header(r, "ce_subject", type.aggregateType() + "/" + key);
            header(r, "ce_time", time.toString());
            header(r, "content-type", "application/json");
            if (traceparent != null) {
                header(r, "ce_traceparent", traceparent);
            }
            producer.send(r).get(30, TimeUnit.SECONDS);
            return id;
        } catch (Exception e) {
            throw new IllegalStateException("could not write " + type.type(), e);
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    // ---- payloads as the owning services write them

    static void partnership(String code, String name, String... memberCodes) {
        publish(EventTypes.PARTNERSHIP_CHANGED, code, new PartnershipChanged(code, name, "SØR-ØST", List.of(), null,
                "ACTIVE", List.of(), java.util.Arrays.stream(memberCodes)
                .map(c -> new PartnershipMember(c, "MUNICIPALITY", null, null)).toList(), Instant.now()));
    }

    static void municipality(String code, String name, String orgnr, String kommunenummer) {
        publish(EventTypes.ORGANISATION_CHANGED, code, new OrganisationChanged(code, "MUNICIPALITY", name, orgnr, null,
                kommunenummer, null, null, null));
    }

    static UUID pilot(String title, String owner, String partnership, List<String> priorityGroups,
                      List<String> fromGroups, List<String> toGroups, List<UUID> tasks, UUID model) {
        return pilot(UUID.randomUUID(), title, owner, partnership, priorityGroups, fromGroups, toGroups, tasks, model);
    }

    static UUID pilot(UUID id, String title, String owner, String partnership, List<String> priorityGroups,
                      List<String> fromGroups, List<String> toGroups, List<UUID> tasks, UUID model) {
        publish(EventTypes.PILOT_REGISTERED, id, new PilotRegistered(id, title, owner, "PLANNED", Instant.now(), model,
                model == null ? null : 1, tasks, fromGroups, toGroups, partnership, priorityGroups, List.of(),
                List.of(), null, null, null));
        return id;
    }

    static UUID task(String category) {
        UUID id = UUID.randomUUID();
        publish(EventTypes.TASK_REGISTERED, id, new TaskRegistered(id, "Oppgave " + id, null, category, List.of(),
                List.of("SP"), false, List.of(), "983971636", Instant.now()));
        return id;
    }

    static UUID model(List<UUID> tasks, List<String> fromGroups, List<String> toGroups) {
        UUID id = UUID.randomUUID();
        publish(EventTypes.MODEL_PUBLISHED, id, new ModelPublished(id, 1, null, "Modell " + id, "TASK_SHIFTING", tasks,
                fromGroups, toGroups, List.of(), null, "NOT_EVALUATED", "PUBLISHED", "983971636", Instant.now()));
        return id;
    }

    static UUID pilot(String title, String owner, String partnership, List<String> partners, List<UUID> tasks,
                      UUID model) {
        UUID id = UUID.randomUUID();
        publish(EventTypes.PILOT_REGISTERED, id, new PilotRegistered(id, title, owner, "PLANNED", Instant.now(), model,
                model == null ? null : 1, tasks, List.of(), List.of(), partnership, List.of(), List.of(),
                partners, null, null, null));
        return id;
    }

    static void overdue(UUID pilot, String owner) {
        publish(EventTypes.PILOT_EVALUATION_OVERDUE, pilot, new PilotEvaluationOverdue(pilot, owner,
                LocalDate.now().minusMonths(13), 12, Instant.now()));
    }

    static void status(EventType type, UUID pilot, String owner, String from, String to, LocalDate date, String reason) {
        publish(type, pilot, new PilotStatusChanged(pilot, owner, from, to, date, reason, null, null, Instant.now(), "DAY", null));
    }

    /** An evaluation.published of a given id, naming the model or not; returns the event id. */
    static String publishedEvaluation(UUID evaluation, UUID pilot, UUID model, String recommendation) {
        return publish(EventTypes.EVALUATION_PUBLISHED, evaluation, new EvaluationPublished(evaluation, pilot, model,
                model == null ? null : 1, recommendation, "MEASURED_BEFORE_AFTER", Instant.now(), List.of("CORE_TASK_TIME"),
                List.of(), List.of(new OutcomeReported("CORE_TASK_TIME", "test metric", "hours", null, 1.0, null, null, "test", null, null)),
                LocalDate.now(), "DAY", null));
    }

    static UUID published(UUID pilot, UUID model, String recommendation, List<String> dimensions, double gross,
                          double extra) {
        UUID id = UUID.randomUUID();
        publish(EventTypes.EVALUATION_PUBLISHED, id, new EvaluationPublished(id, pilot, model, model == null ? null : 1,
                recommendation, "MODERATE", Instant.now(), dimensions,
                List.of(new FreedTimeScenario("low", gross / 2, extra / 2, (gross - extra) / 2, "PILOT_SITES", "MEASURED"),
                        new FreedTimeScenario("middle", gross, extra, gross - extra, "PILOT_SITES", "MEASURED"),
                        new FreedTimeScenario("high", gross * 2, extra * 2, (gross - extra) * 2, "PILOT_SITES", "MEASURED")),
                dimensions.stream().map(d -> new OutcomeReported(d, "test metric", "hours", null, 1.0, null, null,
                        "test", null, null)).toList(), LocalDate.now(), "DAY", null));
        return id;
    }
}
