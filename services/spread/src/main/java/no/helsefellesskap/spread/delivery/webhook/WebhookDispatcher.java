package no.helsefellesskap.spread.delivery.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import no.helsefellesskap.runtime.observability.Traces;
import no.helsefellesskap.spread.delivery.DeliveryMetrics;
import no.helsefellesskap.runtime.time.SuiteClock;
import no.helsefellesskap.runtime.tx.Worker;
import no.helsefellesskap.spread.config.SpreadConfig;
import no.helsefellesskap.spread.delivery.FeedItemAdded;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Posts due deliveries to their webhooks (Standard Webhooks headers), a bounded number at a time. Woken after each
 * feed commit and each resume or replay, and when the next retry falls due; otherwise it looks every
 * {@code spread.webhook.poll-interval}, a safety net (an idle suite then costs one query per interval, not per second).
 * While senders are busy, due deliveries are claimed once half of them are free, and delivered attempts are recorded
 * together by one recorder, so a fan-out costs a few transactions per batch instead of two per delivery. State lives
 * in the delivery table, so a restart loses nothing: an unacknowledged delivery is retried under the same
 * {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int RECORD_BATCH = 200;

    @Inject
    DeliveryStore store;

    @Inject
    SpreadConfig config;

    @Inject
    SuiteClock clock;

    @Inject
    Vertx vertx;

    @Inject
    Traces traces;

    @Inject
    DeliveryMetrics metrics;

    private Worker dispatcher;
    private Worker recorder;
    private ExecutorService workers;
    private Semaphore permits;
    private int claimAtLeast;
    private final Queue<DeliveryStore.Success> delivered = new ConcurrentLinkedQueue<>();
    private HttpClient http;
    private TargetPolicy policy;

    void start(@Observes StartupEvent ev) {
        if (!config.webhook().enabled()) {
            return;
        }
        policy = new TargetPolicy(config.webhook().allowHttp(), config.webhook().allowPrivateTargets());
        // Vert.x's client can connect to a given address while TLS (SNI, certificate) still checks the host name
        http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.webhook().connectTimeout().toMillis()).setVerifyHost(true));
        workers = Executors.newFixedThreadPool(config.webhook().concurrency(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        permits = new Semaphore(config.webhook().concurrency());
        claimAtLeast = Math.max(1, config.webhook().concurrency() / 2);
        recorder = Worker.start("webhook-recorder", config.webhook().pollInterval(), config.webhook().pollInterval(),
                this::recordDelivered);
        dispatcher = Worker.start("webhook-dispatcher", config.webhook().pollInterval(),
                config.webhook().pollInterval(), this::round);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (dispatcher != null) {
            dispatcher.stop(Duration.ofSeconds(1));
        }
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (recorder != null) {
            recorder.stop(Duration.ofSeconds(1));
            recordDelivered(); // what the senders finished last; anything not recorded is sent again after its lease
        }
    }

    /** Woken once the transaction that stored a feed item has committed (not before: it would find nothing). */
    void onItemAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedItemAdded added) {
        wake();
    }

    private void wake() {
        if (dispatcher != null) {
            dispatcher.wake();
        }
    }

    /** Deliveries were queued or made due again (a resume, a replay): a round once that has committed. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        wake();
    }

    /**
     * Claims as many due deliveries as there are free senders and hands them out; again at once if any were.
     * Otherwise it waits until the next delivery falls due (a retry after its back-off), or a wake.
     */
    private boolean round() {
        int free = permits.availablePermits();
        boolean sending = free < config.webhook().concurrency();
        if (free == 0 || sending && free < claimAtLeast) {
            // a sender that finishes wakes the dispatcher; while others send, claims are taken several at a time
            return false;
        }
        List<DeliveryStore.Claim> claims = store.claim(free);
        if (claims.isEmpty()) {
            store.nextDue().ifPresent(due -> dispatcher.nextRoundWithin(Duration.between(clock.now(), due)));
        }
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
        return !claims.isEmpty();
    }

    /** One attempt, in a client span that continues the trace of the event the delivery carries. */
    void send(DeliveryStore.Claim c) {
        traces.run("webhook POST", SpanKind.CLIENT, c.traceparent(), () -> attempt(c));
    }

    private void attempt(DeliveryStore.Claim c) {
        Instant at = clock.now();
        long started = System.nanoTime();
        try {
            TargetPolicy.Checked target = policy.check(c.url());
            if (target.refused()) {
                store.failed(c, at, null, 0, "target refused: " + target.refusal());
                metrics.attempted("refused");
                return;
            }
            long ts = at.getEpochSecond();
            int status = post(target, c, ts);
            long ms = (System.nanoTime() - started) / 1_000_000;
            Span.current().setAttribute("http.response.status_code", status);
            if (status >= 200 && status < 300) {
                // recorded with the others that finish meanwhile, in one transaction; the lease keeps it from
                // being claimed again until then
                delivered.add(new DeliveryStore.Success(c, at, status, ms));
                recorder.wake();
                metrics.attempted("delivered");
            } else {
                store.failed(c, at, status, ms, "HTTP " + status);
                metrics.attempted("rejected");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            metrics.attempted("unreachable");
            try {
                store.failed(c, at, null, ms, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (RuntimeException inner) {
                LOG.warnf("Could not record failed delivery %d: %s", c.id(), inner.getMessage());
            }
        }
    }

    /**
     * Records the delivered attempts the senders have finished, together. If that fails, each on its own; one that
     * still fails is logged and, its lease run out, sent again under the same {@code webhook-id}.
     */
    private boolean recordDelivered() {
        List<DeliveryStore.Success> batch = new ArrayList<>();
        for (DeliveryStore.Success d; batch.size() < RECORD_BATCH && (d = delivered.poll()) != null; ) {
            batch.add(d);
        }
        if (batch.isEmpty()) {
            return false;
        }
        try {
            store.succeeded(batch);
        } catch (RuntimeException e) {
            for (DeliveryStore.Success d : batch) {
                try {
                    store.succeeded(List.of(d));
                } catch (RuntimeException inner) {
                    LOG.warnf("Could not record delivered attempt of delivery %d: %s", d.claim().id(),
                            inner.getMessage());
                }
            }
        }
        wake(); // the next delivery of each queue is a head now, committed: the dispatcher can claim it
        return !delivered.isEmpty();
    }

    /**
     * Posts to the address the policy checked (never resolving the name again), with the URL's host in the Host
     * header and for TLS. Redirects are not followed.
     */
    private int post(TargetPolicy.Checked target, DeliveryStore.Claim c, long ts) throws Exception {
        URI u = target.uri();
        boolean https = "https".equalsIgnoreCase(u.getScheme());
        int port = u.getPort() != -1 ? u.getPort() : https ? 443 : 80;
        String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        long timeout = config.webhook().requestTimeout().toMillis();
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port).setSsl(https)
                .setURI(path).setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setConnectTimeout(config.webhook().connectTimeout().toMillis()).setIdleTimeout(timeout)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "helsefellesskap-spread/1")
                .putHeader("webhook-id", c.webhookId())
                .putHeader("webhook-timestamp", Long.toString(ts))
                .putHeader("webhook-signature",
                        WebhookSigner.signatureHeader(c.secrets(), c.webhookId(), ts, c.body()));
        String traceparent = Traces.current();
        if (traceparent != null) {
            o.putHeader(Traces.TRACEPARENT, traceparent);
        }
        try {
            return http.request(o)
                    .compose(req -> req.send(Buffer.buffer(c.body()))
                            .compose(resp -> resp.body().map(ignored -> resp.statusCode())))
                    .toCompletionStage().toCompletableFuture().get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.util.concurrent.TimeoutException("no answer within " + timeout + " ms");
        }
    }

    public TargetPolicy policy() {
        return policy != null ? policy
                : new TargetPolicy(config.webhook().allowHttp(), config.webhook().allowPrivateTargets());
    }
}
