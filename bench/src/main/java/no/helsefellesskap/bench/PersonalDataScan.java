package no.helsefellesskap.bench;

import no.helsefellesskap.model.PersonalDataGuard;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every event on every topic (dead-letter topics included), every feed item spread stored, and every webhook body
 * the receiver got during the runs, through the same personal-data detector the services use.
 */
final class PersonalDataScan {

    static Section run(BenchContext ctx) throws Exception {
        Section s = new Section("personal-data", "Personal-data scan of every event and feed item");
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        long findings = 0;
        List<String> examples = new ArrayList<>();
        Map<String, List<ConsumerRecord<String, String>>> records = ctx.readAll(allTopics());
        for (String topic : allTopics()) {
            long n = 0;
            long f = 0;
            for (ConsumerRecord<String, String> r : records.get(topic)) {
                n++;
                StringBuilder text = new StringBuilder(String.valueOf(r.value()));
                r.headers().forEach(h -> {
                    if (h.key().startsWith("ce_")) {
                        text.append(' ').append(new String(h.value(), StandardCharsets.UTF_8));
                    }
                });
                List<String> found = PersonalDataGuard.findings(text.toString());
                if (!found.isEmpty()) {
                    f++;
                    if (examples.size() < 5) {
                        examples.add(topic + " " + r.offset() + ": " + found);
                    }
                }
            }
            rows.add(List.of("Kafka `" + topic + "`", String.valueOf(n), String.valueOf(f)));
            total += n;
            findings += f;
        }
        long items = 0;
        long itemFindings = 0;
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            c.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery("select body::text from spread.feed_item")) {
                while (rs.next()) {
                    items++;
                    if (!PersonalDataGuard.findings(rs.getString(1)).isEmpty()) {
                        itemFindings++;
                    }
                }
            }
        }
        rows.add(List.of("spread feed items (`spread.feed_item`: what webhooks, SSE and feeds send)", String.valueOf(items),
                String.valueOf(itemFindings)));
        long hooks = ctx.receiver.bodiesSeen();
        rows.add(List.of("webhook bodies received during the runs", String.valueOf(hooks),
                String.valueOf(ctx.receiver.personalDataFindings())));
        total += items + hooks;
        findings += itemFindings + ctx.receiver.personalDataFindings();
        s.line("Detector: `PersonalDataGuard` (shared-model): 11-digit numbers in the form of a national id "
                + "(fødselsnummer/D-number) outside UUIDs, and fields naming a person, national id or HPR number. "
                + "Scanned last, in the suite the scenarios before it ran in (" + String.join(", ", ctx.ran) + "), so it "
                + "covers every record they produced" + (ctx.ran.contains("hostile") ? "; the hostile-input run sent "
                + "national-id-like values on purpose" : "") + ".");
        s.table(List.of("source", "scanned", "with personal data"), rows);
        s.line("Total scanned: " + total + "; with personal data: **" + findings + "**.");
        examples.forEach(e -> s.line("- " + e));
        s.require(findings == 0, findings + " records with personal data");
        return s;
    }

    static List<String> allTopics() {
        List<String> t = new ArrayList<>();
        for (String topic : BenchContext.TOPICS) {
            t.add(topic);
            t.add(topic + ".dlq");
        }
        return t;
    }
}
