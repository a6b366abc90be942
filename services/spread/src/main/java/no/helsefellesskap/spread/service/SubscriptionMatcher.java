package no.helsefellesskap.spread.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.spread.domain.SubscriptionFilters;

import java.util.List;
import java.util.UUID;

/** The subscriptions a new feed item is matched against: every one that exists, active or paused. */
@ApplicationScoped
public class SubscriptionMatcher {

    public record Candidate(UUID id, SubscriptionFilters filters, boolean webhook) {
    }

    @Inject
    Db db;

    @Inject
    Json json;

    public List<Candidate> candidates() {
        return db.list("select id, filters::text f, webhook_url from subscription",
                rs -> new Candidate(Db.uuid(rs, "id"), json.read(rs.getString("f"), SubscriptionFilters.class),
                        rs.getString("webhook_url") != null));
    }
}
