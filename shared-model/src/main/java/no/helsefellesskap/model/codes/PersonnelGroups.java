package no.helsefellesskap.model.codes;

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
        return from(CsvTable.load(DEFAULT_RESOURCE));
    }

    public static PersonnelGroups load(String resource) {
        return from(CsvTable.load(resource));
    }

    public static PersonnelGroups from(CsvTable t) {
        Map<String, PersonnelGroup> groups = new LinkedHashMap<>();
        for (Map<String, String> r : t.rows()) {
            PersonnelGroup g = new PersonnelGroup(r.get("code"), r.get("name_nb"), r.get("name_en"), r.get("kind"),
                    CsvTable.opt(r, "hpr_category"), CsvTable.opt(r, "authorisation"),
                    CsvTable.list(r, "rests_on", "\\|"), CsvTable.opt(r, "isco08"), CsvTable.opt(r, "styrk08"),
                    CsvTable.opt(r, "esco_uri"), Optional.ofNullable(CsvTable.opt(r, "education_route")).orElse("UNKNOWN"),
                    CsvTable.list(r, "also_authorised_as", "\\|"), r.get("source"));
            if (!PersonnelGroup.HPR_CATEGORY.equals(g.kind()) && !PersonnelGroup.SUITE_GROUP.equals(g.kind())) {
                throw new IllegalStateException(t.resource() + ": " + g.code() + " has unknown kind " + g.kind());
            }
            if (PersonnelGroup.HPR_CATEGORY.equals(g.kind()) == (g.hprCategory() == null)) {
                throw new IllegalStateException(t.resource() + ": " + g.code() + ": an HPR category has an hpr_category"
                        + " code and a suite group has none");
            }
            if (groups.put(g.code(), g) != null) {
                throw new IllegalStateException(t.resource() + ": duplicate code " + g.code());
            }
        }
        java.util.Set<String> hprCodes = new java.util.HashSet<>();
        for (PersonnelGroup g : groups.values()) {
            if (g.hprCategory() != null && !hprCodes.add(g.hprCategory())) {
                throw new IllegalStateException(t.resource() + ": two groups have HPR category " + g.hprCategory());
            }
        }
        for (PersonnelGroup g : groups.values()) {
            for (String other : g.alsoAuthorisedAs()) {
                if (!groups.containsKey(other)) {
                    throw new IllegalStateException(t.resource() + ": " + g.code() + " refers to unknown group " + other);
                }
            }
            for (String category : g.restsOn()) {
                if (!hprCodes.contains(category)) {
                    throw new IllegalStateException(t.resource() + ": " + g.code() + " rests on unknown HPR category "
                            + category);
                }
            }
        }
        return new PersonnelGroups(t.version(), groups);
    }

    public String version() {
        return version;
    }

    public List<PersonnelGroup> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<PersonnelGroup> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }
}
