package no.helsefellesskap.runtime.observability;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox backlog as gauges: {@code suite_outbox_unsent} events and the age of the oldest in
 * {@code suite_outbox_oldest_unsent_age_seconds} (0 when none). Read from the database every
 * {@code suite.metrics.refresh} (the partial index on unsent rows makes it cheap), not on each scrape, so a scrape
 * never waits on the database.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    void register(@Observes StartupEvent ev) {
        Gauge.builder("suite.outbox.unsent", unsent, AtomicLong::get)
                .description("Events recorded in the outbox and not yet acknowledged by Kafka").register(registry);
        Gauge.builder("suite.outbox.oldest.unsent.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest unsent outbox event has waited").register(registry);
    }

    @Scheduled(every = "${suite.metrics.refresh:15s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select count(*), coalesce(extract(epoch from now() - min(timestamp)), 0)::bigint
                       from outbox_event where sent_at is null""")) {
            rs.next();
            unsent.set(rs.getLong(1));
            oldestAgeSeconds.set(Math.max(0, rs.getLong(2)));
        } catch (Exception e) {
            // the database is away: the gauges keep their last values, and the health check says why
            LOG.debugf("outbox metrics not refreshed: %s", e.getMessage());
        }
    }
}
