package no.helsefellesskap.spread.delivery.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.time.SuiteClock;
import no.helsefellesskap.spread.config.SpreadConfig;
import no.helsefellesskap.runtime.data.Db;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delivery table's state changes, each in its own short transaction. A queue is one subscription's deliveries
 * with one ordering key; its oldest pending delivery is sent first and the rest wait. {@code ready} marks the head of
 * each queue of an active webhook subscription, so a claim reads due heads only, however long another receiver's
 * backlog is. Whoever changes a queue or its subscription's status keeps {@code ready} right, holding the
 * subscription row's lock, which the fan-out also takes (key share) before it adds deliveries.
 */
@ApplicationScoped
public class DeliveryStore {

    /** {@code secrets}: to sign with, the current one first and those of a rotation still in their overlap. */
    public record Claim(long id, UUID subscriptionId, String orderingKey, String webhookId, int attempts, String url,
                        String body, List<String> secrets, String traceparent) {
    }

    /**
     * Heads of queues of active webhook subscriptions not in flight (one parameter: now), the rows a claim may take
     * once due; the dispatcher's wait reads the same rows, so it never waits for a row a claim would not take.
     */
    private static final String SENDABLE_HEADS = """
             from delivery d join subscription s on s.id = d.subscription_id
            where d.ready and (d.lease_until is null or d.lease_until < ?)
              and d.state = 'PENDING' and s.status = 'ACTIVE' and s.webhook_url is not null""";

    @Inject
    Db db;

    @Inject
    SuiteClock clock;

    @Inject
    SpreadConfig config;

    /** A delivered attempt, recorded later together with others ({@link #succeeded(List)}). */
    public record Success(Claim claim, Instant at, int status, long latencyMs) {
    }

    /** Leases due heads of queues of active webhook subscriptions, the longest due first. */
    @Transactional
    public List<Claim> claim(int limit) {
        Instant now = clock.now();
        Instant leaseUntil = now.plus(config.webhook().requestTimeout()).plus(config.webhook().connectTimeout())
                .plusSeconds(30);
        return db.list("""
                with due as (
                  select d.id""" + SENDABLE_HEADS + """
                  and d.next_attempt_at <= ? order by d.next_attempt_at limit ? for update of d skip locked)
                update delivery d set lease_until = ? from due, subscription s, feed_item f
                where d.id = due.id and s.id = d.subscription_id and f.seq = d.item_seq
                returning d.id, d.subscription_id, d.ordering_key, d.webhook_id, d.attempts, s.webhook_url,
                  f.body::text body, f.traceparent, array(select k.secret from subscription_secret k
                    where k.subscription_id = d.subscription_id and (k.expires_at is null or k.expires_at > ?)
                    order by k.created_at desc) secrets""",
                rs -> new Claim(rs.getLong("id"), Db.uuid(rs, "subscription_id"), rs.getString("ordering_key"),
                        rs.getString("webhook_id"), rs.getInt("attempts"), rs.getString("webhook_url"),
                        rs.getString("body"), List.of((String[]) rs.getArray("secrets").getArray()),
                        rs.getString("traceparent")),
                now, now, limit, leaseUntil, now);
    }

    /**
     * When the earliest head not in flight falls due (for the dispatcher's wait), read through the same index as the
     * claim. A head in flight is left out: its sender wakes the dispatcher when it is done.
     */
    public Optional<Instant> nextDue() {
        return db.one("select d.next_attempt_at" + SENDABLE_HEADS + " order by d.next_attempt_at limit 1",
                rs -> Db.instant(rs, "next_attempt_at"), clock.now());
    }

    /**
     * Takes the subscription's row lock for the rest of the transaction, before reading or changing its queues: a
     * fan-out adding a delivery holds a key-share lock on it, so the two never both miss the other's change.
     */
    public void lockSubscription(UUID subscription) {
        db.list("select 1 from subscription where id = ? for update", rs -> 1, subscription);
    }

    /**
     * Marks the head of every queue of the subscription ready, and nothing else, from its current status: after a
     * pause, a resume, a change of webhook, a replay. Costs the subscription's own backlog, once.
     */
    public void refreshQueues(UUID subscription) {
        db.update("""
                update delivery d set ready = q.ready from (
                  select e.id, s.status = 'ACTIVE' and s.webhook_url is not null
                    and row_number() over (partition by e.ordering_key order by e.item_seq) = 1 ready
                  from delivery e join subscription s on s.id = e.subscription_id
                  where e.subscription_id = ? and e.state = 'PENDING') q
                where d.id = q.id and d.ready <> q.ready""", subscription);
    }

    /**
     * Several delivered attempts in one transaction (one commit instead of one each), their subscriptions locked in
     * one order so that two such transactions never wait on each other in a cycle.
     */
    @Transactional
    public void succeeded(List<Success> delivered) {
        delivered.stream().sorted(Comparator.comparing((Success d) -> d.claim().subscriptionId())
                        .thenComparingLong(d -> d.claim().id()))
                .forEach(d -> succeeded(d.claim(), d.at(), d.status(), d.latencyMs()));
    }

    /** Delivered: the next delivery of its queue becomes the head; a receiver that was failing is tried again now. */
    @Transactional
    public void succeeded(Claim c, Instant at, int status, long latencyMs) {
        lockSubscription(c.subscriptionId());
        // one statement (each part sees the rows as they were before it): the attempt, this delivery done, the next
        // of its queue (not this one) the head, and the subscription's back-off cleared
        boolean wasFailing = db.one("""
                with attempt as (
                  insert into delivery_attempt (delivery_id, subscription_id, attempt, attempted_at, status_code,
                    latency_ms, error) values (?, ?, ?, ?, ?, ?, null)),
                done as (
                  update delivery set state = 'DELIVERED', ready = false, attempts = attempts + 1, delivered_at = ?,
                    last_status = ?, last_error = null, first_failure_at = null, lease_until = null where id = ?),
                head as (
                  update delivery set ready = true where id = (
                    select e.id from delivery e join subscription s on s.id = e.subscription_id
                    where e.subscription_id = ? and e.ordering_key = ? and e.state = 'PENDING' and e.id <> ?
                      and s.status = 'ACTIVE' and s.webhook_url is not null
                    order by e.item_seq limit 1)),
                back as (
                  update subscription set retry_after = null where id = ? and retry_after is not null returning id)
                select count(*) > 0 from back""", rs -> rs.getBoolean(1),
                c.id(), c.subscriptionId(), c.attempts() + 1, at, status, (int) latencyMs,
                at, status, c.id(),
                c.subscriptionId(), c.orderingKey(), c.id(),
                c.subscriptionId()).orElse(false);
        if (wasFailing) {
            // the receiver is back: what waited for it is tried now
            db.update("update delivery set next_attempt_at = ? where subscription_id = ? and ready and next_attempt_at > ?",
                    at, c.subscriptionId(), at);
        }
    }

    /**
     * Not delivered: tried again after a back-off, and until then the receiver is sent nothing else; one that keeps
     * failing, or answers 410, is paused.
     */
    @Transactional
    public void failed(Claim c, Instant at, Integer status, long latencyMs, String error) {
        lockSubscription(c.subscriptionId());
        attempt(c, at, status, latencyMs, error);
        Instant next = at.plus(backoff(c.attempts() + 1));
        db.update("""
                update delivery set attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ?,
                  first_failure_at = coalesce(first_failure_at, ?), lease_until = null where id = ?""",
                next, status, error, at, c.id());
        // the receiver gets nothing else before then: not the heads of its other queues, nor new deliveries
        db.update("update subscription set retry_after = ? where id = ?", next, c.subscriptionId());
        db.update("update delivery set next_attempt_at = ? where subscription_id = ? and ready and next_attempt_at < ?",
                next, c.subscriptionId(), next);
        String reason = null;
        if (status != null && status == 410) {
            reason = "The receiver answered 410 Gone at " + at + ": it no longer accepts deliveries.";
        } else {
            Instant firstFailure = db.one("select first_failure_at from delivery where id = ?",
                    rs -> Db.instant(rs, "first_failure_at"), c.id()).orElse(at);
            if (!firstFailure.plus(config.webhook().pauseAfter()).isAfter(at)) {
                reason = "No delivery has succeeded since " + firstFailure + " (" + (c.attempts() + 1)
                        + " attempts for the oldest event); last error at " + at + ": "
                        + (status != null ? "HTTP " + status : error);
            }
        }
        if (reason != null && db.update("update subscription set status = 'PAUSED', paused_reason = ?, paused_at = ?, "
                + "updated_at = ? where id = ? and status = 'ACTIVE'", reason, at, at, c.subscriptionId()) > 0) {
            refreshQueues(c.subscriptionId());
        }
    }

    private void attempt(Claim c, Instant at, Integer status, long latencyMs, String error) {
        db.update("""
                insert into delivery_attempt (delivery_id, subscription_id, attempt, attempted_at, status_code,
                  latency_ms, error) values (?, ?, ?, ?, ?, ?, ?)""",
                c.id(), c.subscriptionId(), c.attempts() + 1, at, status, (int) latencyMs, error);
    }

    Duration backoff(int attempt) {
        return new Backoff(config.webhook().initialBackoff(), config.webhook().maxBackoff(), config.webhook().jitter())
                .delay(attempt, ThreadLocalRandom.current().nextDouble(-1, 1));
    }
}
