package no.helsefellesskap.spread.data;

/** PostgreSQL advisory locks the parts of spread share, so their work on the same tables is ordered. */
public final class Locks {

    /** Live consumers take it shared, a rebuild exclusively: no live event lands in a half-rebuilt read model. */
    public static final long REBUILD = 0x5350524541445201L;

    /** Held from a feed item's insert to its commit, so sequence order is commit order (readers never skip one). */
    public static final long FEED = 0x5350524541444601L;

    /**
     * Shared by every transaction that inserts figure rows, exclusive in the trigger that follows an organisation's
     * sandbox flag (V20, the same number, 6003388760686088961): whichever comes second sees the other's commit.
     */
    public static final long SANDBOX_FLAGS = 0x5350524541445301L;

    /** With a record's id (two-key form, its own key space): one transaction at a time recomputes its figure rows. */
    public static final int FIGURE_ROWS = 0x46494752;

    private Locks() {
    }
}
