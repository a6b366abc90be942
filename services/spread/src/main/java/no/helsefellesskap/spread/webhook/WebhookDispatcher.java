package no.helsefellesskap.spread.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.time.SuiteClock;
import no.helsefellesskap.runtime.tx.WakeSignal;
import no.helsefellesskap.spread.config.SpreadConfig;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Posts due deliveries to their webhooks (Standard Webhooks headers), a bounded number at a time. Woken after each
 * feed commit; otherwise it looks every {@code spread.webhook.poll-interval}. State lives in the delivery table, so
 * a restart loses nothing: an unacknowledged delivery is retried under the same {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    DeliveryStore store;

    @Inject
    SpreadConfig config;

    @Inject
    SuiteClock clock;

    private final WakeSignal signal = new WakeSignal();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;
    private Semaphore permits;
    private HttpClient http;
    private TargetPolicy policy;

    void start(@Observes StartupEvent ev) {
        if (!config.webhook().enabled()) {
            return;
        }
        policy = new TargetPolicy(config.webhook().allowHttp(), config.webhook().allowPrivateTargets());
        http = HttpClient.newBuilder().connectTimeout(config.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        workers = Executors.newFixedThreadPool(config.webhook().concurrency(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        permits = new Semaphore(config.webhook().concurrency());
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        wake();
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void wake() {
        signal.wake();
    }

    private void run() {
        while (running) {
            int sent = 0;
            try {
                int free = permits.availablePermits();
                if (free > 0) {
                    List<DeliveryStore.Claim> claims = store.claim(free);
                    for (DeliveryStore.Claim c : claims) {
                        permits.acquireUninterruptibly();
                        workers.submit(() -> {
                            try {
                                send(c);
                            } finally {
                                permits.release();
                                wake();
                            }
                        });
                    }
                    sent = claims.size();
                }
            } catch (RuntimeException e) {
                LOG.warnf("Webhook dispatch round failed (retried): %s", e.getMessage());
            }
            if (sent == 0 && running && !signal.await(config.webhook().pollInterval())) {
                return;
            }
        }
    }

    void send(DeliveryStore.Claim c) {
        Instant at = clock.now();
        long started = System.nanoTime();
        try {
            Optional<String> refused = policy.refusal(c.url());
            if (refused.isPresent()) {
                store.failed(c, at, null, 0, "target refused: " + refused.get());
                return;
            }
            long ts = at.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(config.webhook().requestTimeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "helsefellesskap-spread/1")
                    .header("webhook-id", c.webhookId())
                    .header("webhook-timestamp", Long.toString(ts))
                    .header("webhook-signature",
                            WebhookSigner.signatureHeader(store.secrets(c.subscriptionId()), c.webhookId(), ts, c.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.body()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                store.succeeded(c, at, response.statusCode(), ms);
            } else {
                store.failed(c, at, response.statusCode(), ms, "HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            try {
                store.failed(c, at, null, ms, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (RuntimeException inner) {
                LOG.warnf("Could not record failed delivery %d: %s", c.id(), inner.getMessage());
            }
        }
    }

    public TargetPolicy policy() {
        return policy != null ? policy
                : new TargetPolicy(config.webhook().allowHttp(), config.webhook().allowPrivateTargets());
    }
}
