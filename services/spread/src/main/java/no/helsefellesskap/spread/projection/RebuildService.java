package no.helsefellesskap.spread.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.runtime.messaging.KafkaClients;
import no.helsefellesskap.runtime.messaging.PoisonEventException;
import no.helsefellesskap.spread.config.SpreadConfig;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.spread.data.Locks;
import no.helsefellesskap.spread.data.RecordsChanged;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Empties the read models and replays every topic they are built from, from the first offset, in one transaction:
 * readers see the old figures until the new ones are complete. Live consumers wait on the rebuild lock meanwhile.
 * The end offsets are taken after the lock, so every event a live consumer committed before is included.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    /** Read in this order; the read models join across topics at query time, so the order is not load-bearing. */
    public static final List<String> TOPICS = List.of(EventTypes.TOPIC_ORGANISATIONS, EventTypes.TOPIC_PARTNERSHIPS,
            EventTypes.TOPIC_TASKS, EventTypes.TOPIC_MODELS, EventTypes.TOPIC_MODEL_EVIDENCE, EventTypes.TOPIC_PILOTS,
            EventTypes.TOPIC_EVALUATIONS, EventTypes.TOPIC_ADOPTIONS, EventTypes.TOPIC_COMPETENCE_PROFILES);

    static final List<String> READ_MODELS = List.of("organisation", "partnership", "task", "model_version", "pilot",
            "evaluation", "adoption", "competence_profile");

    public record Result(Map<String, Long> eventsPerTopic, long applied, long skippedPoison, long millis,
                         Instant finishedAt) {
    }

    @Inject
    Db db;

    @Inject
    EventApplier applier;

    @Inject
    Projector projector;

    @Inject
    TransactionManager tm;

    @Inject
    SpreadConfig config;

    @Inject
    KafkaClients clients;

    @Inject
    jakarta.enterprise.event.Event<RecordsChanged> recordsChanged;

    public Result rebuild() {
        long start = System.nanoTime();
        try {
            tm.setTransactionTimeout((int) config.rebuild().timeout().toSeconds());
            tm.begin();
            Result r;
            try {
                r = replayAll(start);
                tm.commit();
            } catch (RuntimeException e) {
                tm.rollback();
                throw e;
            } finally {
                tm.setTransactionTimeout(0);
            }
            LOG.infof("Read models rebuilt: %d events applied in %d ms (%s)", r.applied(), r.millis(),
                    r.eventsPerTopic());
            return r;
        } catch (jakarta.transaction.NotSupportedException | SystemException | jakarta.transaction.RollbackException
                 | jakarta.transaction.HeuristicMixedException | jakarta.transaction.HeuristicRollbackException e) {
            throw new IllegalStateException("rebuild failed: " + e.getMessage(), e);
        }
    }

    private Result replayAll(long start) {
        db.lockExclusive(Locks.REBUILD);
        db.lockExclusive(Locks.FEED);
        recordsChanged.fire(RecordsChanged.EVERYTHING_TO_FOLLOW);
        for (String table : READ_MODELS) {
            db.update("delete from " + table);
        }
        db.update("update read_model_state set events_applied = 0, last_event_at = null where id = 1");
        Map<String, Long> perTopic = new LinkedHashMap<>();
        long applied = 0;
        long poison = 0;
        long counted = 0;
        Instant latest = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            for (String topic : TOPICS) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long n = 0;
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                            records.add(r); // a later one arrived after the rebuild began: the live consumer applies it
                        }
                    }
                    EventApplier.Replayed replayed = applier.replay(topic, records);
                    n += replayed.events();
                    counted += replayed.counted();
                    poison += replayed.poison();
                    if (replayed.latest() != null && (latest == null || replayed.latest().isAfter(latest))) {
                        latest = replayed.latest();
                    }
                }
                perTopic.put(topic, n);
                applied += n;
            }
        }
        projector.counted(counted, latest);
        recordsChanged.fire(RecordsChanged.EVERYTHING);
        return new Result(perTopic, applied, poison, (System.nanoTime() - start) / 1_000_000, Instant.now());
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // it only polls while records are left, so a fetch need not wait for more; with the default 500 ms, each
        // topic waited for the previous topic's last fetch, held open at its end (a small history took over 4 s)
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        return clients.config(p);
    }
}
