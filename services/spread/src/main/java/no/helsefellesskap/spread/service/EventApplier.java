package no.helsefellesskap.spread.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.runtime.messaging.PoisonEventException;

/**
 * One event into the read models and the feed. Live consumption and the rebuild both come through here; the inbox
 * (one consumer name per topic) makes the live path idempotent, and a rebuild records what it applied so the live
 * consumer does not apply it again afterwards.
 */
@ApplicationScoped
public class EventApplier {

    /** Live consumers take it shared, a rebuild exclusively: no live event lands in a half-rebuilt read model. */
    static final long REBUILD_LOCK = 0x5350524541445201L;

    @Inject
    Inbox inbox;

    @Inject
    Projector projector;

    @Inject
    FeedService feed;

    @Inject
    Db db;

    public static String consumerName(String topic) {
        return "spread." + topic;
    }

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public void live(String topic, IncomingEvent event) {
        db.lockShared(REBUILD_LOCK);
        if (!inbox.firstDelivery(consumerName(topic), event)) {
            return;
        }
        if (projector.apply(event)) {
            projector.counted(1, event.time());
        }
        feed.publish(event);
    }

    /**
     * Applies the event whether or not it was seen before: the read models were emptied. The feed is not: an event
     * the inbox already holds was put in the feed when it was first applied, so only a new one is published.
     *
     * @return whether the event counts as applied to the read models (the rebuild adds the total once)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public boolean replay(String topic, IncomingEvent event) {
        boolean first = inbox.firstDelivery(consumerName(topic), event);
        boolean applied = projector.apply(event);
        if (first) {
            feed.publish(event);
        }
        return applied;
    }
}
