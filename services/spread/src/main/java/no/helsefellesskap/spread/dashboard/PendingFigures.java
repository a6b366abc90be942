package no.helsefellesskap.spread.dashboard;

import jakarta.transaction.TransactionScoped;
import no.helsefellesskap.spread.data.RecordsChanged;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The records a transaction's events changed so far, by kind, until their figure rows are recomputed together. */
@TransactionScoped
class PendingFigures implements Serializable {

    private final transient Map<RecordsChanged.Kind, Set<UUID>> changed = new EnumMap<>(RecordsChanged.Kind.class);

    void add(RecordsChanged c) {
        changed.computeIfAbsent(c.kind(), k -> new LinkedHashSet<>()).add(c.id());
    }

    Map<RecordsChanged.Kind, Set<UUID>> drain() {
        Map<RecordsChanged.Kind, Set<UUID>> all = new EnumMap<>(changed);
        changed.clear();
        return all;
    }
}
