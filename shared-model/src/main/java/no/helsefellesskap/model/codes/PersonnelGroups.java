package no.helsefellesskap.model.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The personnel-group code list, loaded from a versioned data file ({@code codelists/personnel-groups.v*.csv})
 * rather than hard-coded: the list of authorised professions changes as groups are added.
 */
public final class PersonnelGroups {

    public static final String DEFAULT_RESOURCE = "/codelists/personnel-groups.v1.csv";

    private final String version;
    private final Map<String, PersonnelGroup> byCode;

    private PersonnelGroups(String version, Map<String, PersonnelGroup> byCode) {
        this.version = version;
        this.byCode = byCode;
    }

    public static PersonnelGroups loadDefault() {
        return load(DEFAULT_RESOURCE);
    }

    public static PersonnelGroups load(String resource) {
        InputStream in = PersonnelGroups.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Code list not found on classpath: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String version = null;
            Map<String, PersonnelGroup> groups = new LinkedHashMap<>();
            String header = null;
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
                if (header == null) {
                    header = line;
                    continue;
                }
                List<String> f = Csv.split(line);
                if (f.size() != 7) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": expected 7 fields, got " + f.size());
                }
                PersonnelGroup g = new PersonnelGroup(f.get(0), f.get(1), f.get(2), blankToNull(f.get(3)),
                        Boolean.parseBoolean(f.get(4)), blankToNull(f.get(5)), f.get(6));
                if (groups.put(g.code(), g) != null) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": duplicate code " + g.code());
                }
            }
            if (version == null) {
                throw new IllegalStateException(resource + " has no '# version:' line");
            }
            return new PersonnelGroups(version, Collections.unmodifiableMap(groups));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    public List<PersonnelGroup> all() {
        return new ArrayList<>(byCode.values());
    }

    public Optional<PersonnelGroup> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
