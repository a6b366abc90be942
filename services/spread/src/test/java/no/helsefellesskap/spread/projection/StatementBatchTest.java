package no.helsefellesskap.spread.projection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementBatchTest {

    /** Reference: statements sent in batches keep each key's own order, whatever the interleaving. */
    @Test
    void eachKeysStatementsAreSentInTheirOrderAndSameSqlIsBatched() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            StatementBatch batch = new StatementBatch();
            List<String[]> given = new ArrayList<>(); // key, sql, seq
            for (int i = 0; i < 60; i++) {
                String key = random.nextInt(5) == 0 ? null : "k" + random.nextInt(6);
                String sql = "sql" + random.nextInt(3);
                batch.forKey(key).update(sql, key, i);
                given.add(new String[] {key, sql, String.valueOf(i)});
            }
            List<Object[]> sent = new ArrayList<>();
            int[] batches = {0};
            batch.flush((sql, rows) -> {
                batches[0]++;
                rows.forEach(r -> sent.add(new Object[] {r[0], sql, r[1]}));
            });
            assertEquals(given.size(), sent.size());
            for (String key : new String[] {null, "k0", "k1", "k2", "k3", "k4", "k5"}) {
                List<Integer> expected = given.stream().filter(g -> java.util.Objects.equals(g[0], key))
                        .map(g -> Integer.valueOf(g[2])).toList();
                List<Integer> actual = sent.stream().filter(x -> java.util.Objects.equals(x[0], key))
                        .map(x -> (Integer) x[2]).toList();
                assertEquals(expected, actual, "order of key " + key);
            }
            assertEquals(0, batch.size());
            // fewer round trips than statements: at most one batch per SQL per wave
            org.junit.jupiter.api.Assertions.assertTrue(batches[0] < given.size());
        }
    }
}
