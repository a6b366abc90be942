package no.helsefellesskap.spread.delivery;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.helsefellesskap.spread.delivery.stream.StreamHub;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery as an operator watches it on /q/metrics: {@code suite_webhook_deliveries_total} by outcome (delivered: a
 * 2xx answer; rejected: another status; unreachable: no answer, a timeout or a refused connection; refused: the
 * target policy refused the address), {@code suite_webhook_deliveries_pending}, {@code suite_subscriptions_paused}
 * and {@code suite_sse_connections}. The database figures are read every {@code suite.metrics.refresh}.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StreamHub streams;

    static final List<String> OUTCOMES = List.of("delivered", "rejected", "unreachable", "refused");

    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final AtomicLong paused = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();

    void register(@Observes StartupEvent ev) {
        Gauge.builder("suite.subscriptions.paused", paused, AtomicLong::get)
                .description("Subscriptions paused after their webhook kept failing").register(registry);
        Gauge.builder("suite.webhook.deliveries.pending", pending, AtomicLong::get)
                .description("Webhook deliveries not yet acknowledged by their receivers").register(registry);
        Gauge.builder("suite.sse.connections", streams, StreamHub::connections)
                .description("Open server-sent event streams").register(registry);
        for (String outcome : OUTCOMES) {
            attempted(outcome, 0);
        }
    }

    public void attempted(String outcome) {
        attempted(outcome, 1);
    }

    private void attempted(String outcome, int n) {
        attempts.computeIfAbsent(outcome, o -> Counter.builder("suite.webhook.deliveries")
                .description("Webhook delivery attempts by outcome").tag("outcome", o).register(registry)).increment(n);
    }

    @Scheduled(every = "${suite.metrics.refresh:15s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select (select count(*) from subscription where status = 'PAUSED'),
                            (select count(*) from delivery where state = 'PENDING')""")) {
            rs.next();
            paused.set(rs.getLong(1));
            pending.set(rs.getLong(2));
        } catch (Exception e) {
            LOG.debugf("delivery metrics not refreshed: %s", e.getMessage());
        }
    }
}
