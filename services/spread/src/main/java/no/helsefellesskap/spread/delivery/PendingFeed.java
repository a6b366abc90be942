package no.helsefellesskap.spread.delivery;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The feed items of the events a transaction has applied so far, in their order, until they are written. */
@TransactionScoped
class PendingFeed implements Serializable {

    private final transient List<FeedService.Prepared> items = new ArrayList<>();

    void add(FeedService.Prepared item) {
        items.add(item);
    }

    List<FeedService.Prepared> drain() {
        List<FeedService.Prepared> all = List.copyOf(items);
        items.clear();
        return all;
    }
}
