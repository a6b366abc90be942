package no.helsefellesskap.spread.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.time.SuiteClock;
import no.helsefellesskap.spread.config.SpreadConfig;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.json.JsonText;
import no.helsefellesskap.spread.delivery.domain.ItemAttributes;
import no.helsefellesskap.spread.delivery.domain.Subscription;
import no.helsefellesskap.spread.delivery.domain.SubscriptionFilters;
import no.helsefellesskap.spread.delivery.webhook.DeliveryStore;
import no.helsefellesskap.spread.delivery.webhook.DeliveriesQueued;
import no.helsefellesskap.spread.delivery.webhook.WebhookSigner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Subscriptions and their delivery state. Every method takes the caller's organisation: only the owner sees one. */
@ApplicationScoped
public class SubscriptionService {

    /** What an owner asks for; missing or null filters are stored as empty filters (= any), never as null. */
    public record Draft(String name, SubscriptionFilters filters, String webhookUrl) {
        public Draft {
            filters = filters == null ? SubscriptionFilters.ANY : filters;
        }
    }

    public record Created(Subscription subscription, String secret) {
    }

    public record Rotated(String secret, Instant previousSecretsValidUntil) {
    }

    public record Attempt(int attempt, Instant at, Integer statusCode, Integer latencyMs, String error) {
    }

    public record DeliveryView(String webhookId, long itemSeq, String eventId, String type, Instant occurredAt,
                               String state, int attempts, Integer lastStatus, String lastError, Instant deliveredAt,
                               Instant nextAttemptAt, List<Attempt> log) {
    }

    @Inject
    Db db;

    @Inject
    FeedService feed;

    @Inject
    JsonText json;

    @Inject
    SubscriptionDraftCheck draftCheck;

    @Inject
    SuiteClock clock;

    @Inject
    Event<DeliveriesQueued> queued;

    @Inject
    DeliveryStore deliveries;

    @Inject
    SpreadConfig config;

    @Transactional
    public Created create(String owner, Draft d) {
        draftCheck.validate(d);
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        db.update("""
                insert into subscription (id, owner_orgnr, name, filters, webhook_url, status, created_at, updated_at)
                values (?, ?, ?, ?::jsonb, ?, 'ACTIVE', ?, ?)""",
                id, owner, d.name().strip(), json.write(d.filters()), blankToNull(d.webhookUrl()), now, now);
        String secret = null;
        if (blankToNull(d.webhookUrl()) != null) {
            secret = addSecret(id, now);
        }
        return new Created(get(owner, id), secret);
    }

    public List<Subscription> list(String owner) {
        return db.list("select * from subscription where owner_orgnr = ? order by created_at", this::map, owner);
    }

    /** 404 for a subscription that does not exist or belongs to someone else: others learn nothing about it. */
    public Subscription get(String owner, UUID id) {
        return db.one("select * from subscription where id = ? and owner_orgnr = ?", this::map, id, owner)
                .orElseThrow(() -> ProblemException.notFound("subscription", id));
    }

    @Transactional
    public Created update(String owner, UUID id, Draft d) {
        Subscription before = get(owner, id);
        draftCheck.validate(d);
        Instant now = clock.now();
        String url = blankToNull(d.webhookUrl());
        deliveries.lockSubscription(id);
        db.update("update subscription set name = ?, filters = ?::jsonb, webhook_url = ?, updated_at = ?, "
                + "evaluation_error = null, evaluation_error_at = null where id = ?",
                d.name().strip(), json.write(d.filters()), url, now, id);
        if ((url == null) != (before.webhookUrl() == null)) {
            deliveries.refreshQueues(id);
        }
        String secret = null;
        if (url != null && before.webhookUrl() == null
                && db.one("select 1 from subscription_secret where subscription_id = ?", rs -> 1, id).isEmpty()) {
            secret = addSecret(id, now);
        }
        return new Created(get(owner, id), secret);
    }

    @Transactional
    public void delete(String owner, UUID id) {
        get(owner, id);
        db.update("delete from subscription where id = ?", id);
    }

    @Transactional
    public Rotated rotateSecret(String owner, UUID id) {
        Subscription s = get(owner, id);
        if (s.webhookUrl() == null) {
            throw ProblemException.conflict("Subscription " + id + " has no webhook, so it has no signing secret");
        }
        Instant now = clock.now();
        Instant until = now.plus(config.webhook().rotationOverlap());
        db.update("update subscription_secret set expires_at = least(coalesce(expires_at, ?), ?) where subscription_id = ?",
                until, until, id);
        return new Rotated(addSecret(id, now), until);
    }

    @Transactional
    public Subscription pause(String owner, UUID id) {
        get(owner, id);
        Instant now = clock.now();
        deliveries.lockSubscription(id);
        db.update("update subscription set status = 'PAUSED', paused_reason = 'Paused by its owner', paused_at = ?, "
                + "updated_at = ? where id = ?", now, now, id);
        deliveries.refreshQueues(id);
        return get(owner, id);
    }

    /** Undelivered events are sent again from now on, oldest first; the failure clock starts afresh. */
    @Transactional
    public Subscription resume(String owner, UUID id) {
        get(owner, id);
        Instant now = clock.now();
        deliveries.lockSubscription(id);
        db.update("update subscription set status = 'ACTIVE', paused_reason = null, paused_at = null, retry_after = null, "
                + "updated_at = ? where id = ?", now, id);
        db.update("update delivery set next_attempt_at = ?, first_failure_at = null where subscription_id = ? "
                + "and state = 'PENDING'", now, id);
        deliveries.refreshQueues(id);
        queued.fire(new DeliveriesQueued(id));
        return get(owner, id);
    }

    /**
     * Sends again every matching feed item that occurred at or after {@code since}, under its original
     * {@code webhook-id} (receivers that already have it can drop it); items from before the subscription existed are
     * included when they match, so a new subscriber can catch up.
     */
    @Transactional
    public int replay(String owner, UUID id, Instant since) {
        Subscription s = get(owner, id);
        if (s.webhookUrl() == null) {
            throw ProblemException.conflict("Subscription " + id + " has no webhook to replay to; read its feed or "
                    + "stream with Last-Event-ID instead");
        }
        if (s.filters() == null) {
            throw ProblemException.conflict("Subscription " + id + " has filters that cannot be evaluated ("
                    + s.evaluationError() + "); save it again with valid filters first");
        }
        Instant now = clock.now();
        deliveries.lockSubscription(id);
        int n = 0;
        List<Object[]> items = db.list("select seq, ordering_key, attributes::text a from feed_item "
                + "where occurred_at >= ? order by seq", rs -> new Object[] {rs.getLong(1), rs.getString(2),
                rs.getString(3)}, since);
        for (Object[] i : items) {
            ItemAttributes attributes = json.read((String) i[2], ItemAttributes.class);
            if (!s.filters().matches(attributes) || !s.filters().admits(attributes, s.ownerOrgnr())) {
                continue;
            }
            n += db.update("""
                    insert into delivery (subscription_id, item_seq, webhook_id, ordering_key, state, next_attempt_at)
                    values (?, ?, ?, ?, 'PENDING', ?)
                    on conflict (subscription_id, item_seq) do update set state = 'PENDING',
                      next_attempt_at = excluded.next_attempt_at, first_failure_at = null, lease_until = null""",
                    id, i[0], FeedService.newWebhookId(), i[1], now);
        }
        deliveries.refreshQueues(id);
        queued.fire(new DeliveriesQueued(id));
        return n;
    }

    public List<DeliveryView> deliveries(String owner, UUID id, int limit) {
        get(owner, id);
        List<DeliveryView> rows = db.list("""
                select d.id, d.webhook_id, d.item_seq, f.event_id, f.type, f.occurred_at, d.state, d.attempts,
                  d.last_status, d.last_error, d.delivered_at, d.next_attempt_at
                from delivery d join feed_item f on f.seq = d.item_seq
                where d.subscription_id = ? order by d.item_seq desc limit ?""",
                rs -> new DeliveryView(rs.getString("webhook_id"), rs.getLong("item_seq"), rs.getString("event_id"),
                        rs.getString("type"), Db.instant(rs, "occurred_at"), rs.getString("state"),
                        rs.getInt("attempts"), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                        Db.instant(rs, "delivered_at"),
                        "PENDING".equals(rs.getString("state")) ? Db.instant(rs, "next_attempt_at") : null,
                        attempts(rs.getLong("id"))),
                id, Math.max(1, Math.min(limit, 500)));
        return rows;
    }

    private List<Attempt> attempts(long delivery) {
        return db.list("""
                select attempt, attempted_at, status_code, latency_ms, error from delivery_attempt
                where delivery_id = ? order by id""",
                rs -> new Attempt(rs.getInt(1), Db.instant(rs, "attempted_at"), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), rs.getString(5)), delivery);
    }

    /** The newest items of a subscription, for its feed URL. */
    public List<FeedService.FeedEntry> entries(String owner, UUID id, int limit) {
        get(owner, id);
        return feed.entries(id, limit);
    }

    private String addSecret(UUID id, Instant now) {
        String secret = WebhookSigner.newSecret();
        db.update("insert into subscription_secret (subscription_id, secret, created_at) values (?, ?, ?)", id, secret, now);
        return secret;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Null for stored filters that cannot be read: the owner still sees (and can fix or delete) the subscription. */
    private SubscriptionFilters readableFilters(String stored) {
        try {
            return json.read(stored, SubscriptionFilters.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Subscription map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Subscription(Db.uuid(rs, "id"), rs.getString("owner_orgnr"), rs.getString("name"),
                readableFilters(rs.getString("filters")), rs.getString("webhook_url"), rs.getString("status"),
                rs.getString("paused_reason"), Db.instant(rs, "paused_at"), Db.instant(rs, "created_at"),
                Db.instant(rs, "updated_at"), rs.getString("evaluation_error"), Db.instant(rs, "evaluation_error_at"));
    }
}
