package no.helsefellesskap.spread.delivery;

/** A feed item was stored; its observers (webhooks, streams) wake once the transaction has committed. */
public record FeedItemAdded(long seq) {
}
