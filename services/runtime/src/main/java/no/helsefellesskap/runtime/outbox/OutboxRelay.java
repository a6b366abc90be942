package no.helsefellesskap.runtime.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.config.RuntimeConfig;
import no.helsefellesskap.runtime.messaging.CloudEventHeaders;
import no.helsefellesskap.runtime.tx.Worker;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Publishes the outbox to Kafka, at least once and in commit order (so in order per aggregate).
 * <p>
 * One thread sleeps until a commit wakes it ({@link #wake()}) or the slow safety-net poll elapses, so an idle
 * service costs no CPU. A batch is read, sent, acknowledged by Kafka and only then marked sent, all in one
 * transaction; a transaction-level advisory lock lets only one instance of a service relay at a time.
 * While Kafka is unreachable the rows stay unsent and the relay backs off; nothing is lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String SELECT_UNSENT = """
            select id, aggregatetype, aggregateid, type, timestamp, payload::text, topic, source, traceparent
              from outbox_event where sent_at is null order by seq limit ?""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RuntimeConfig config;

    @Inject
    OutboxProducer producer;

    private Worker worker;

    void onStart(@Observes StartupEvent ev) {
        if (!config.outbox().relayEnabled()) {
            return;
        }
        // the first round publishes whatever an earlier run left unsent
        worker = Worker.start("outbox-relay", config.outbox().pollInterval(), config.outbox().maxBackoff(),
                () -> publishBatch() >= config.outbox().batchSize());
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    void onRecorded(@Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        wake();
    }

    /** Called after a commit that wrote outbox rows. Cheap and non-blocking. */
    public void wake() {
        if (worker != null) {
            worker.wake();
        }
    }

    /** Publishes one batch and returns how many events it marked sent. Visible for tests. */
    public int publishBatch() {
        int[] result = QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(hashtext(current_schema()))");
                     ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return new int[] {0, 0}; // another instance is relaying
                    }
                }
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                List<UUID> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(SELECT_UNSENT)) {
                    ps.setInt(1, config.outbox().batchSize());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            ProducerRecord<String, byte[]> r = new ProducerRecord<>(rs.getString(7), rs.getString(3),
                                    rs.getString(6).getBytes(StandardCharsets.UTF_8));
                            CloudEventHeaders.write(r.headers(), id.toString(), rs.getString(4), rs.getString(8),
                                    rs.getString(3), rs.getTimestamp(5).toInstant());
                            CloudEventHeaders.writeTraceparent(r.headers(), rs.getString(9));
                            records.add(r);
                            ids.add(id);
                        }
                    }
                }
                if (records.isEmpty()) {
                    return new int[] {0, 0};
                }
                List<UUID> acknowledged = sendInOrder(records, ids);
                markSent(c, acknowledged);
                return new int[] {acknowledged.size(), ids.size()};
            }
        });
        if (result[0] < result[1]) {
            // the acknowledged prefix is committed as sent; the rest is retried after a back-off
            throw new IllegalStateException("Kafka acknowledged " + result[0] + " of " + result[1] + " events");
        }
        return result[0];
    }

    /** Sends all, then returns the ids of the longest acknowledged prefix: a gap must not let later events overtake. */
    private List<UUID> sendInOrder(List<ProducerRecord<String, byte[]>> records, List<UUID> ids) {
        Producer<String, byte[]> kafka = producer.get();
        List<Future<RecordMetadata>> futures = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, byte[]> r : records) {
                futures.add(kafka.send(r));
            }
        } catch (RuntimeException e) {
            LOG.debugf("send failed after %d of %d records: %s", futures.size(), records.size(), e);
        }
        kafka.flush();
        List<UUID> acked = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get();
                acked.add(ids.get(i));
            } catch (Exception e) {
                break;
            }
        }
        return acked;
    }

    private static void markSent(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Array arr = c.createArrayOf("uuid", ids.toArray());
        try (PreparedStatement ps = c.prepareStatement("update outbox_event set sent_at = now() where id = any(?)")) {
            ps.setArray(1, arr);
            ps.executeUpdate();
        }
    }
}
