package no.helsefellesskap.spread.data;

import java.util.UUID;

/**
 * Projection changed a read model's record, in the transaction that changed it: what depends on it (the dashboard's
 * figure rows) is brought up to date in the same transaction. Fired by projection, observed by the dashboard.
 *
 * @param kind what changed: a pilot, an evaluation, an adoption, a model (its adoptions), a task (the pilots that
 *             share it), reference data (read where it is used, nothing to update), everything (a rebuild, at
 *             its end), or everything to follow (a rebuild, at its start: nothing needs keeping up until the end)
 * @param id   the record's id (null for {@link Kind#REFERENCE}, {@link Kind#ALL} and {@link Kind#ALL_TO_FOLLOW})
 */
public record RecordsChanged(Kind kind, UUID id) {

    public enum Kind { PILOT, EVALUATION, ADOPTION, MODEL, TASK, REFERENCE, ALL, ALL_TO_FOLLOW }

    public static RecordsChanged of(Kind kind, UUID id) {
        return new RecordsChanged(kind, id);
    }

    public static final RecordsChanged REFERENCE_DATA = new RecordsChanged(Kind.REFERENCE, null);

    public static final RecordsChanged EVERYTHING = new RecordsChanged(Kind.ALL, null);

    public static final RecordsChanged EVERYTHING_TO_FOLLOW = new RecordsChanged(Kind.ALL_TO_FOLLOW, null);
}
