package no.helsefellesskap.spread.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.PersonalDataGuard;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.runtime.messaging.PoisonEventException;
import no.helsefellesskap.runtime.tx.NotYetApplicable;
import no.helsefellesskap.spread.config.SpreadConfig;
import no.helsefellesskap.runtime.time.SuiteClock;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.spread.data.EventApplied;
import no.helsefellesskap.spread.data.EventsApplied;
import no.helsefellesskap.runtime.json.JsonText;
import no.helsefellesskap.spread.data.Locks;
import no.helsefellesskap.spread.delivery.domain.ItemAttributes;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The outgoing feed. An event subscribers may receive becomes one feed item (once per event id), with the context a
 * reader needs (pilot title, partnership, model name) and the attributes filters match on; every subscription whose
 * filters match gets one delivery row for it, in the same transaction. Writing items and reading them back as feeds
 * stay in one class (a little over 300 lines): both follow the one item layout.
 */
@ApplicationScoped
public class FeedService {

    /** The event types that reach subscribers; reference data and drafts stay inside. */
    public static final List<EventType> FEED_TYPES = EventTypes.FEED;

    private static boolean onEvaluationsTopic(String type) {
        return EventTypes.byType(type).map(EventType::topic).filter(EventTypes.TOPIC_EVALUATIONS::equals).isPresent();
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Db db;

    @Inject
    ObjectMapper json;

    @Inject
    JsonText text;

    @Inject
    SuiteClock clock;

    @Inject
    SpreadConfig config;

    @Inject
    SubscriptionMatcher matcher;

    @Inject
    PendingFeed pending;

    @Inject
    Event<FeedItemAdded> added;

    public static boolean isFeedType(String type) {
        return FEED_TYPES.stream().anyMatch(t -> t.type().equals(type));
    }

    /** A feed item made ready from its event and the read models as they were when it was applied. */
    record Prepared(IncomingEvent event, Context context, ObjectNode body) {
    }

    /** The item's body and context, read now; nothing is written and no lock is taken. */
    Optional<Prepared> prepare(IncomingEvent e) {
        if (!isFeedType(e.type())) {
            return Optional.empty();
        }
        JsonNode data = text.tree(e.data());
        Context c = context(e, data);
        ObjectNode body = json.createObjectNode();
        body.put("type", e.type());
        body.put("timestamp", e.time() == null ? clock.now().toString() : e.time().toString());
        body.put("eventId", e.id());
        body.put("subject", e.subject());
        body.set("data", data);
        body.set("context", c.context());
        List<String> findings = PersonalDataGuard.findings(body.toString());
        if (!findings.isEmpty()) {
            throw new PoisonEventException("event " + e.id() + " would put personal data in the feed: " + findings);
        }
        return Optional.of(new Prepared(e, c, body));
    }

    /**
     * The item and its deliveries; from here to the commit the feed's lock is held.
     *
     * @return the new item's sequence number, or empty when the event is already in the feed
     */
    private Optional<Long> insert(Prepared p) {
        IncomingEvent e = p.event();
        Context c = p.context();
        db.lockExclusive(Locks.FEED);
        Optional<Long> seq = db.one("""
                insert into feed_item (event_id, type, subject, ordering_key, occurred_at, attributes, body, traceparent)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) on conflict (event_id) do nothing returning seq""",
                rs -> rs.getLong(1), e.id(), e.type(), e.subject(), c.orderingKey(),
                e.time() == null ? clock.now() : e.time(), text.write(c.attributes()), text.write(p.body()),
                e.traceparent());
        seq.ifPresent(s -> {
            fanOut(s, c.orderingKey(), c.attributes());
            added.fire(new FeedItemAdded(s));
        });
        return seq;
    }

    /**
     * An event projection has applied for the first time: its item is made ready now (its context is the read
     * models' state after this event) and written when the transaction's events are all applied ({@link
     * EventsApplied}), so the feed's lock, which orders items by commit, is held only for the writing.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    void onApplied(@Observes EventApplied applied) {
        prepare(applied.event()).ifPresent(pending::add);
    }

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    void onAllApplied(@Observes EventsApplied done) {
        pending.drain().forEach(this::insert);
    }

    /**
     * One delivery per matching subscription, in one statement; paused ones get theirs too and receive them when
     * resumed. The matching subscriptions are first locked against deletion and against a concurrent change of their
     * queues ({@code DeliveryStore}) until this transaction ends; the insert, a later statement, then sees any such
     * change committed, so a new delivery is marked ready exactly when it heads its queue. A subscription deleted
     * since matching is skipped: a delivery for it would break its foreign key and send a good event to the dead
     * letters.
     */
    void fanOut(long seq, String orderingKey, ItemAttributes a) {
        List<SubscriptionMatcher.Candidate> matching = matcher.matching(a);
        if (matching.isEmpty()) {
            return;
        }
        String[] ids = matching.stream().map(s -> s.id().toString()).toArray(String[]::new);
        String[] webhookIds = matching.stream().map(s -> newWebhookId()).toArray(String[]::new);
        db.list("select 1 from subscription where id = any(cast(? as uuid[])) for key share", rs -> 1, (Object) ids);
        db.update("""
                insert into delivery (subscription_id, item_seq, webhook_id, ordering_key, state, next_attempt_at, ready)
                select s.id, ?, m.webhook_id, ?, case when s.webhook_url is null then 'NONE' else 'PENDING' end,
                  greatest(cast(? as timestamptz), s.retry_after),
                  s.status = 'ACTIVE' and s.webhook_url is not null and not exists (select 1 from delivery e
                    where e.subscription_id = s.id and e.ordering_key = ? and e.state = 'PENDING')
                from unnest(?::text[], ?::text[]) as m(subscription_id, webhook_id)
                join subscription s on s.id = m.subscription_id::uuid
                on conflict (subscription_id, item_seq) do nothing""",
                seq, orderingKey, clock.now(), orderingKey, ids, webhookIds);
    }

    /** Standard Webhooks suggests a unique message id; the same id is reused for every retry of the delivery. */
    public static String newWebhookId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        StringBuilder sb = new StringBuilder("msg_");
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }


    record Context(ObjectNode context, ItemAttributes attributes, String orderingKey) {
    }

    /**
     * What an item is about, resolved from the read models as well as the payload, so every filter applies to every
     * event type it can concern (the table in the README): a pilot's events carry its model, tasks, groups and places
     * even when the payload names only the pilot; an evaluation its pilot's and its evaluator's; an adoption its
     * adopter's place and the model's groups and tasks. Task categories come from the pilot's tasks, or from its
     * model's when the pilot names a model instead of tasks.
     */
    private Context context(IncomingEvent e, JsonNode data) {
        ObjectNode ctx = json.createObjectNode();
        UUID pilotId = uuid(data, "pilotId");
        UUID modelId = uuid(data, "modelId");
        Integer modelVersion = data.hasNonNull("version") ? Integer.valueOf(data.get("version").asInt())
                : data.hasNonNull("modelVersion") ? Integer.valueOf(data.get("modelVersion").asInt()) : null;
        Set<String> partnerships = new LinkedHashSet<>();
        Set<String> orgs = new LinkedHashSet<>();
        Set<String> priority = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        Set<String> taskIds = new LinkedHashSet<>();
        String orderingKey = e.subject() != null ? e.subject() : e.id();
        boolean adoption = e.type().contains(".adoption.");
        if (pilotId != null) {
            orderingKey = "pilot/" + pilotId;
            record PilotRow(UUID modelId, Integer modelVersion) {
            }
            Optional<PilotRow> pilot = db.one("""
                    select title, owner_orgnr, status, partnership, priority_groups::text pg, partner_orgnrs::text po,
                      from_groups::text fg, to_groups::text tg, task_ids::text ti, model_id, model_version
                    from pilot where pilot_id = ?""",
                    rs -> {
                        ObjectNode p = ctx.putObject("pilot");
                        p.put("id", pilotId.toString());
                        p.put("title", rs.getString("title"));
                        p.put("ownerOrgnr", rs.getString("owner_orgnr"));
                        p.put("status", rs.getString("status"));
                        p.put("partnership", rs.getString("partnership"));
                        p.put("href", "/api/pilots/" + pilotId);
                        add(partnerships, rs.getString("partnership"));
                        add(orgs, rs.getString("owner_orgnr"));
                        orgs.addAll(text.strings(rs.getString("po")));
                        priority.addAll(text.strings(rs.getString("pg")));
                        groups.addAll(text.strings(rs.getString("fg")));
                        groups.addAll(text.strings(rs.getString("tg")));
                        taskIds.addAll(text.strings(rs.getString("ti")));
                        return new PilotRow(Db.uuid(rs, "model_id"), (Integer) rs.getObject("model_version"));
                    }, pilotId);
            if (pilot.isEmpty() && onEvaluationsTopic(e.type()) && e.time() != null
                    && e.time().plus(config.feed().contextWait()).isAfter(clock.now())) {
                // an evaluation that overtook its pilot (another topic): without the pilot's partnership and places
                // no subscription filtering on them would ever get it, so wait for the pilot, for a while
                throw new NotYetApplicable("pilot " + pilotId + " of " + e.type() + " " + e.id() + " not here yet");
            }
            if (modelId == null && pilot.isPresent() && pilot.get().modelId() != null) {
                modelId = pilot.get().modelId();
                modelVersion = pilot.get().modelVersion();
            }
        }
        if (e.type().equals(EventTypes.EVALUATION_PUBLISHED.type())) {
            add(orgs, data.hasNonNull("evaluatorOrgnr") ? data.get("evaluatorOrgnr").asText() : null);
            db.list("select evaluator_orgnr from evaluation where evaluation_id = ? and evaluator_orgnr is not null",
                    rs -> rs.getString(1), uuid(data, "evaluationId")).forEach(orgs::add);
        }
        if (adoption) {
            orderingKey = "adoption/" + data.path("adoptionId").asText();
            String adopter = data.path("adopterOrgnr").asText();
            orgs.add(adopter);
            partnerships.addAll(db.list("""
                    select distinct p.code from partnership p join organisation o on o.orgnr = ?
                    where p.members @> jsonb_build_array(jsonb_build_object('organisation', o.code))""",
                    rs -> rs.getString(1), adopter));
        }
        if (modelId != null) {
            if (pilotId == null && !adoption) {
                orderingKey = "model/" + modelId;
            }
            boolean pilotNamesTasks = !taskIds.isEmpty();
            UUID model = modelId;
            db.one("""
                    select name, version, from_groups::text fg, to_groups::text tg, task_ids::text ti from model_version
                    where model_id = ? and (cast(? as int) is null or version = cast(? as int))
                    order by version desc limit 1""",
                    rs -> {
                        ObjectNode m = ctx.putObject("model");
                        m.put("id", model.toString());
                        m.put("version", rs.getInt("version"));
                        m.put("name", rs.getString("name"));
                        groups.addAll(text.strings(rs.getString("fg")));
                        groups.addAll(text.strings(rs.getString("tg")));
                        if (!pilotNamesTasks) {
                            taskIds.addAll(text.strings(rs.getString("ti")));
                        }
                        return 1;
                    }, modelId, modelVersion, modelVersion);
        }
        List<String> kommunenummer = orgs.isEmpty() ? List.of() : db.list(
                "select distinct k.kommunenummer from organisation o join organisation_kommunenummer k on k.code = o.code"
                        + " where o.orgnr = any(?)",
                rs -> rs.getString(1), (Object) orgs.toArray(new String[0]));
        List<String> categories = taskIds.isEmpty() ? List.of() : db.list(
                "select distinct category from task where category is not null and task_id::text = any(?)",
                rs -> rs.getString(1), (Object) taskIds.toArray(new String[0]));
        String recommendation = data.hasNonNull("recommendation") ? data.get("recommendation").asText() : null;
        // about a test or probe organisation's record: the pilot's owner, or the adopter, is a sandbox
        String principal = adoption ? data.path("adopterOrgnr").asText(null)
                : ctx.has("pilot") ? ctx.get("pilot").path("ownerOrgnr").asText(null) : null;
        boolean sandbox = principal != null && db.one("select 1 from organisation where sandbox and orgnr = ? limit 1",
                rs -> 1, principal).isPresent();
        ItemAttributes a = new ItemAttributes(e.type(), List.copyOf(partnerships), List.copyOf(orgs), kommunenummer,
                List.copyOf(priority), List.copyOf(groups), categories,
                modelId == null ? List.of() : List.of(modelId.toString()), recommendation, sandbox);
        return new Context(ctx, a, orderingKey);
    }

    private static void add(Set<String> s, String v) {
        if (v != null) {
            s.add(v);
        }
    }

    private static UUID uuid(JsonNode data, String field) {
        return data.hasNonNull(field) ? UUID.fromString(data.get(field).asText()) : null;
    }

    /** A feed item as feed readers see it. */
    public record FeedEntry(long seq, String eventId, String type, java.time.Instant occurredAt, JsonNode body) {
    }

    /** The newest items of one subscription, newest first. */
    public List<FeedEntry> entries(UUID subscription, int limit) {
        return db.list("""
                select f.seq, f.event_id, f.type, f.occurred_at, f.body::text body from feed_item f
                join delivery d on d.item_seq = f.seq and d.subscription_id = ?
                order by f.seq desc limit ?""",
                rs -> new FeedEntry(rs.getLong("seq"), rs.getString("event_id"), rs.getString("type"),
                        Db.instant(rs, "occurred_at"), text.tree(rs.getString("body"))),
                subscription, Math.max(1, Math.min(limit, 200)));
    }
}
