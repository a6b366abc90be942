package no.helsefellesskap.spread.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.time.SuiteClock;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.json.JsonText;
import no.helsefellesskap.spread.delivery.domain.ItemAttributes;
import no.helsefellesskap.spread.delivery.domain.SubscriptionFilters;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which subscriptions a new feed item goes to: every one that exists, active or paused, whose filters match. One
 * subscription's stored data can never fail the item for anyone else: a subscription whose filters cannot be read or
 * evaluated is skipped, logged and marked on its own record ({@code evaluation_error}), and the others still match.
 */
@ApplicationScoped
public class SubscriptionMatcher {

    private static final Logger LOG = Logger.getLogger(SubscriptionMatcher.class);

    public record Candidate(UUID id, SubscriptionFilters filters, boolean webhook) {
    }

    @Inject
    Db db;

    @Inject
    JsonText json;

    @Inject
    SuiteClock clock;

    public List<Candidate> matching(ItemAttributes item) {
        List<Candidate> matched = new ArrayList<>();
        record Row(UUID id, String filters, boolean webhook, String owner) {
        }
        for (Row r : db.list("select id, filters::text f, webhook_url, owner_orgnr from subscription",
                rs -> new Row(Db.uuid(rs, "id"), rs.getString("f"), rs.getString("webhook_url") != null,
                        rs.getString("owner_orgnr")))) {
            try {
                SubscriptionFilters f = json.read(r.filters(), SubscriptionFilters.class);
                if (f == null) {
                    throw new IllegalStateException("its filters are not an object");
                }
                if (f.matches(item) && f.admits(item, r.owner())) {
                    matched.add(new Candidate(r.id(), f, r.webhook()));
                }
            } catch (RuntimeException e) {
                String why = "Its filters could not be evaluated, so feed items are skipped for it: " + rootMessage(e);
                LOG.warnf("Subscription %s skipped: %s", r.id(), why);
                String stored = why.length() > 500 ? why.substring(0, 500) : why;
                db.update("update subscription set evaluation_error = ?, evaluation_error_at = ? where id = ? "
                        + "and evaluation_error is distinct from ?", stored, clock.now(), r.id(), stored);
            }
        }
        return matched;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
