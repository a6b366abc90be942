package no.helsefellesskap.spread.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.runtime.messaging.PoisonEventException;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.spread.data.EventApplied;
import no.helsefellesskap.spread.data.Locks;

/**
 * One event into the read models, announced to the rest of spread ({@link EventApplied}: delivery puts feed
 * events in the feed in the same transaction). Live consumption and the rebuild both come through here; the inbox
 * (one consumer name per topic) makes the live path idempotent, and a rebuild records what it applied so the live
 * consumer does not apply it again afterwards.
 */
@ApplicationScoped
public class EventApplier {

    @Inject
    Inbox inbox;

    @Inject
    Projector projector;

    @Inject
    Event<EventApplied> announce;

    @Inject
    Db db;

    public static String consumerName(String topic) {
        return "spread." + topic;
    }

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public void live(String topic, IncomingEvent event) {
        db.lockShared(Locks.REBUILD);
        if (!inbox.firstDelivery(consumerName(topic), event)) {
            return;
        }
        if (projector.apply(event)) {
            projector.counted(1, event.time());
        }
        announce.fire(new EventApplied(event));
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
            announce.fire(new EventApplied(event));
        }
        return applied;
    }
}
