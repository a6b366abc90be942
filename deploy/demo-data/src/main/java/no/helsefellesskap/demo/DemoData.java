package no.helsefellesskap.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo dataset: the real cases of the source documents, one JSON file per document (see FORMAT.md). Records are
 * merged across files; keys are unique and organisations defined in two files must agree.
 */
public final class DemoData {

    public static final List<String> FILES = List.of("oslo-economics-2024.json", "fafo-2025-20.json",
            "nou-2023-4.json", "ventetidsloftet-2025.json");
    public static final List<String> KINDS = List.of("organisations", "tasks", "models", "pilots", "evaluations",
            "adoptions", "competenceCounts");

    static final ObjectMapper JSON = new ObjectMapper();

    /** A record and the file it came from. */
    public record Entry(String file, String kind, ObjectNode node) {
        public String key() {
            return node.path("organisations".equals(kind) ? "code" : "key").asText(null);
        }

        public String text(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        public List<String> list(String field) {
            List<String> out = new ArrayList<>();
            node.path(field).forEach(n -> out.add(n.asText()));
            return out;
        }
    }

    private final Map<String, List<Entry>> byKind = new LinkedHashMap<>();
    private final Map<String, JsonNode> sources = new LinkedHashMap<>();

    private DemoData() {
        KINDS.forEach(k -> byKind.put(k, new ArrayList<>()));
    }

    /** The files packaged with the loader. */
    public static DemoData packaged() {
        DemoData d = new DemoData();
        for (String f : FILES) {
            try (InputStream in = DemoData.class.getResourceAsStream("/demo-data/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("demo data file missing from the jar: " + f);
                }
                d.add(f, JSON.readTree(in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return d;
    }

    /** Every {@code *.json} in a folder (a dataset of one's own). */
    public static DemoData from(Path dir) throws IOException {
        DemoData d = new DemoData();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                d.add(f.getFileName().toString(), JSON.readTree(f.toFile()));
            }
        }
        return d;
    }

    private void add(String file, JsonNode root) {
        sources.put(file, root.path("source"));
        for (String kind : KINDS) {
            root.path(kind).forEach(n -> byKind.get(kind).add(new Entry(file, kind, (ObjectNode) n)));
        }
    }

    public List<Entry> all(String kind) {
        return byKind.get(kind);
    }

    public Map<String, JsonNode> sources() {
        return sources;
    }

    /** Organisations by code; the first definition wins (the tests check that repeated ones agree). */
    public Map<String, Entry> organisations() {
        Map<String, Entry> m = new LinkedHashMap<>();
        all("organisations").forEach(e -> m.putIfAbsent(e.key(), e));
        return m;
    }

    public Map<String, Entry> byKey(String kind) {
        Map<String, Entry> m = new LinkedHashMap<>();
        all(kind).forEach(e -> m.put(e.key(), e));
        return m;
    }
}
