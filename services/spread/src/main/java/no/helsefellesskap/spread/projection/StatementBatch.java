package no.helsefellesskap.spread.projection;

import no.helsefellesskap.runtime.data.Db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of many events, sent in few round trips. Kafka orders events only per key (one aggregate), and the
 * projector's upserts are written for that: events of different keys may land in any order. So the n-th statement
 * of each key goes into wave n; a wave holds at most one statement per key, its statements are sent grouped by
 * SQL (one batch each), and wave n+1 only after wave n: each aggregate's statements keep their order.
 */
final class StatementBatch {

    private final List<Map<String, List<Object[]>>> waves = new ArrayList<>();

    private final Map<String, Integer> nextWave = new HashMap<>();

    private int size;

    /** Where the statements of one event with this record key go (a null key: every such event in order). */
    Statements forKey(String key) {
        String k = key == null ? "" : key;
        return (sql, params) -> {
            int wave = nextWave.merge(k, 1, Integer::sum) - 1;
            while (waves.size() <= wave) {
                waves.add(new LinkedHashMap<>());
            }
            waves.get(wave).computeIfAbsent(sql, s -> new ArrayList<>()).add(params);
            size++;
        };
    }

    int size() {
        return size;
    }

    /** Sends every gathered statement, wave by wave, and starts empty. */
    void flush(Db db) {
        flush(db::batch);
    }

    void flush(java.util.function.BiConsumer<String, List<Object[]>> send) {
        for (Map<String, List<Object[]>> wave : waves) {
            wave.forEach(send);
        }
        waves.clear();
        nextWave.clear();
        size = 0;
    }
}
