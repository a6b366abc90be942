package no.helsefellesskap.spread.data;

/**
 * Every event of the transaction has reached the read models and the dashboard's rows: what waited for the end (the
 * feed items, written under the feed's lock, which is then held only until the commit) is written now. Fired by
 * projection, observed by delivery.
 */
public record EventsApplied() {

    public static final EventsApplied NOW = new EventsApplied();
}
