package no.helsefellesskap.spread.projection;

/** Where the projector's statements go: run at once (live), or gathered and sent in batches (a replay). */
@FunctionalInterface
public interface Statements {

    void update(String sql, Object... params);
}
