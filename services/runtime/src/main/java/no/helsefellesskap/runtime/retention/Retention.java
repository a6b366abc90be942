package no.helsefellesskap.runtime.retention;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.config.RuntimeConfig;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.tx.Worker;

import java.time.Duration;

/**
 * Removes outbox rows Kafka acknowledged and inbox rows past their keep time ({@code suite.retention.*}), in small
 * batches, each its own short transaction, so the two tables stay the size of their recent traffic. Unsent outbox rows
 * are never touched. Several instances of a service may run it at once: each removes whatever it finds.
 */
@ApplicationScoped
public class Retention {

    @Inject
    Db db;

    @Inject
    RuntimeConfig config;

    private Worker worker;

    void onStart(@Observes StartupEvent ev) {
        if (config.retention().enabled()) {
            // not at start: the service has better things to do then than tidy up
            worker = Worker.startLater("retention", config.retention().interval(), config.retention().interval(),
                    this::round);
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(2));
        }
    }

    /** @return true while a batch came back full: more is waiting, and the next round follows at once */
    boolean round() {
        int batch = config.retention().batchSize();
        int outbox = removeSentOutbox(config.retention().sentOutbox(), batch);
        int inbox = removeInbox(config.retention().inbox(), batch);
        return outbox >= batch || inbox >= batch;
    }

    /**
     * Removes up to {@code limit} outbox rows Kafka acknowledged longer than {@code age} ago. Ages are measured on the
     * database's clock, which wrote both timestamps.
     */
    public int removeSentOutbox(Duration age, int limit) {
        return db.update("""
                delete from outbox_event where ctid = any(array(
                  select ctid from outbox_event where sent_at < now() - make_interval(secs => ?) limit ?))""",
                (double) age.toSeconds(), limit);
    }

    /** Removes up to {@code limit} inbox rows recorded longer than {@code age} ago. */
    public int removeInbox(Duration age, int limit) {
        return db.update("""
                delete from inbox_event where ctid = any(array(
                  select ctid from inbox_event where processed_at < now() - make_interval(secs => ?) limit ?))""",
                (double) age.toSeconds(), limit);
    }
}
