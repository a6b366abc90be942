package no.helsefellesskap.model.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A versioned reference-data file: {@code #} comment lines (one of them {@code # version: ...}), a header row,
 * then RFC 4180 rows. Every row must have as many fields as the header.
 */
public record CsvTable(String resource, String version, List<String> columns, List<Map<String, String>> rows) {

    public static CsvTable load(String resource) {
        InputStream in = CsvTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Reference data not found on the class path: " + resource);
        }
        return read(resource, in);
    }

    public static CsvTable read(String name, InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String version = null;
            List<String> header = null;
            List<Map<String, String>> rows = new ArrayList<>();
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    if (line.startsWith("# version:")) {
                        version = line.substring("# version:".length()).trim();
                    }
                    continue;
                }
                List<String> fields = Csv.split(line);
                if (header == null) {
                    header = fields;
                    continue;
                }
                if (fields.size() != header.size()) {
                    throw new IllegalStateException(name + " line " + lineNo + ": expected " + header.size()
                            + " fields, got " + fields.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), fields.get(i).strip());
                }
                rows.add(Collections.unmodifiableMap(row));
            }
            if (version == null) {
                throw new IllegalStateException(name + " has no '# version:' line");
            }
            if (header == null) {
                throw new IllegalStateException(name + " has no header row");
            }
            return new CsvTable(name, version, List.copyOf(header), List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value, or null when the field is empty. */
    public static String opt(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v;
    }

    public static List<String> list(Map<String, String> row, String column, String separatorRegex) {
        String v = opt(row, column);
        return v == null ? List.of() : Arrays.stream(v.split(separatorRegex)).map(String::strip).toList();
    }
}
