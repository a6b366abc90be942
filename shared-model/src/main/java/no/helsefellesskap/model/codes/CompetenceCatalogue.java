package no.helsefellesskap.model.codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Competences and sign-off schemes from their versioned data files, checked against each other. */
public final class CompetenceCatalogue {

    public static final String COMPETENCES = "/codelists/competences.v1.csv";
    public static final String SIGN_OFF_SCHEMES = "/codelists/sign-off-schemes.v1.csv";

    private final String competenceVersion;
    private final String schemeVersion;
    private final Map<String, Competence> competences;
    private final Map<String, SignOffScheme> schemes;

    private CompetenceCatalogue(String competenceVersion, String schemeVersion, Map<String, Competence> competences,
                                Map<String, SignOffScheme> schemes) {
        this.competenceVersion = competenceVersion;
        this.schemeVersion = schemeVersion;
        this.competences = competences;
        this.schemes = schemes;
    }

    public static CompetenceCatalogue loadDefault() {
        return from(CsvTable.load(COMPETENCES), CsvTable.load(SIGN_OFF_SCHEMES));
    }

    public static CompetenceCatalogue from(CsvTable competenceTable, CsvTable schemeTable) {
        Map<String, SignOffScheme> schemes = new LinkedHashMap<>();
        for (Map<String, String> r : schemeTable.rows()) {
            String hours = CsvTable.opt(r, "course_hours");
            SignOffScheme s = new SignOffScheme(r.get("code"), r.get("name_nb"), r.get("name_en"),
                    CsvTable.list(r, "steps", ">"), CsvTable.opt(r, "repetitions"),
                    hours == null ? null : Double.valueOf(hours), Boolean.parseBoolean(r.get("valid_only_in_issuing_unit")),
                    Boolean.parseBoolean(r.get("recurring")), Boolean.parseBoolean(r.get("certificate")), r.get("source"));
            if (schemes.put(s.code(), s) != null) {
                throw new IllegalStateException(schemeTable.resource() + ": duplicate code " + s.code());
            }
        }
        Map<String, Competence> competences = new LinkedHashMap<>();
        for (Map<String, String> r : competenceTable.rows()) {
            String refresh = CsvTable.opt(r, "refresh_interval_months");
            Competence c = new Competence(r.get("code"), r.get("name_nb"), r.get("name_en"), r.get("type"),
                    CsvTable.opt(r, "issued_by"), CsvTable.opt(r, "recognised_by"),
                    refresh == null ? null : Integer.valueOf(refresh), CsvTable.list(r, "closed_by", "\\|"), r.get("source"));
            for (String scheme : c.closedBy()) {
                if (!schemes.containsKey(scheme)) {
                    throw new IllegalStateException(competenceTable.resource() + ": " + c.code() + " refers to unknown sign-off scheme " + scheme);
                }
            }
            if (competences.put(c.code(), c) != null) {
                throw new IllegalStateException(competenceTable.resource() + ": duplicate code " + c.code());
            }
        }
        return new CompetenceCatalogue(competenceTable.version(), schemeTable.version(), competences, schemes);
    }

    public String competenceVersion() {
        return competenceVersion;
    }

    public String schemeVersion() {
        return schemeVersion;
    }

    public List<Competence> competences() {
        return List.copyOf(competences.values());
    }

    public List<SignOffScheme> schemes() {
        return List.copyOf(schemes.values());
    }

    public Optional<Competence> competence(String code) {
        return Optional.ofNullable(code == null ? null : competences.get(code));
    }

    public Optional<SignOffScheme> scheme(String code) {
        return Optional.ofNullable(code == null ? null : schemes.get(code));
    }
}
