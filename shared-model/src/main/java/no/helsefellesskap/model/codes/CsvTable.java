package no.helsefellesskap.model.codes;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
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
 * then RFC 4180 rows (read by Jackson's CSV parser: a quoted field may hold commas, quotes and line breaks). Every
 * row must have as many fields as the header.
 */
public record CsvTable(String resource, String version, List<String> columns, List<Map<String, String>> rows) {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .build();

    public static CsvTable load(String resource) {
        InputStream in = CsvTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Reference data not found on the class path: " + resource);
        }
        return read(resource, in);
    }

    public static CsvTable read(String name, InputStream in) {
        String text;
        try (in) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = text.lines().filter(l -> l.startsWith("# version:"))
                .map(l -> l.substring("# version:".length()).trim()).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " has no '# version:' line"));
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header;
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(text)) {
            while (it.hasNextValue()) {
                Map<String, String> row = new LinkedHashMap<>();
                it.nextValue().forEach((k, v) -> row.put(k, v == null ? "" : v.strip()));
                rows.add(Collections.unmodifiableMap(row));
            }
            CsvSchema read = (CsvSchema) it.getParserSchema();
            header = read == null ? List.of() : read.getColumnNames();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
        if (header.isEmpty()) {
            throw new IllegalStateException(name + " has no header row");
        }
        return new CsvTable(name, version, List.copyOf(header), List.copyOf(rows));
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
