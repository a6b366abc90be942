package no.helsefellesskap.model.codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Controlled vocabularies (task categories, settings, sharing directions, ...) from {@code codelists/vocabulary.v*.csv}. */
public final class Vocabulary {

    public static final String DEFAULT_RESOURCE = "/codelists/vocabulary.v1.csv";

    public static final String TASK_CATEGORY = "task-category";
    public static final String SETTING = "setting";
    public static final String SERVICE_LEVEL = "service-level";
    public static final String FORMAL_HEALTH_COMPETENCE = "formal-health-competence";
    public static final String SHARING_DIRECTION = "sharing-direction";
    public static final String CANDIDATE_CONDITION = "candidate-condition";
    public static final String LEGAL_BASIS = "legal-basis";
    public static final String RISK_LEVEL = "risk-level";
    public static final String MODEL_TYPE = "model-type";
    public static final String EVIDENCE_LEVEL = "evidence-level";
    public static final String VOLUME_UNIT = "volume-unit";
    public static final String PRIORITY_GROUP = "priority-group";
    public static final String ORGANISATION_KIND = "organisation-kind";
    public static final String ABANDONMENT_REASON = "abandonment-reason";
    public static final String PRECONDITION = "precondition";
    public static final String PRECONDITION_STATUS = "precondition-status";
    public static final String OUTCOME_DIMENSION = "outcome-dimension";
    public static final String OUTCOME_DIRECTION = "outcome-direction";
    public static final String EVALUATION_DESIGN = "evaluation-design";
    public static final String BARRIER = "barrier";
    public static final String ENABLER = "enabler";
    public static final String RECOMMENDATION = "recommendation";
    public static final String DATE_PRECISION = "date-precision";

    public static final String BOKMAAL_RESOURCE = "/codelists/vocabulary-nb.v1.csv";

    private final String version;
    private final Map<String, Map<String, String>> lists;
    private final Map<String, String> bokmaal;

    private Vocabulary(String version, Map<String, Map<String, String>> lists, Map<String, String> bokmaal) {
        this.version = version;
        this.lists = lists;
        this.bokmaal = bokmaal;
    }

    public static Vocabulary loadDefault() {
        CsvTable t = CsvTable.load(DEFAULT_RESOURCE);
        Map<String, Map<String, String>> lists = new LinkedHashMap<>();
        for (Map<String, String> r : t.rows()) {
            if (lists.computeIfAbsent(r.get("list"), k -> new LinkedHashMap<>()).put(r.get("code"), r.get("name_en")) != null) {
                throw new IllegalStateException(t.resource() + ": duplicate " + r.get("list") + "/" + r.get("code"));
            }
        }
        Map<String, String> nb = new LinkedHashMap<>();
        CsvTable names = CsvTable.load(BOKMAAL_RESOURCE);
        for (Map<String, String> r : names.rows()) {
            if (!lists.containsKey(r.get("list")) || !lists.get(r.get("list")).containsKey(r.get("code"))) {
                throw new IllegalStateException(names.resource() + ": unknown " + r.get("list") + "/" + r.get("code"));
            }
            nb.put(r.get("list") + "/" + r.get("code"), r.get("name_nb"));
        }
        return new Vocabulary(t.version(), lists, nb);
    }

    public String version() {
        return version;
    }

    public boolean contains(String list, String code) {
        Map<String, String> l = lists.get(list);
        if (l == null) {
            throw new IllegalArgumentException("No vocabulary list " + list);
        }
        return code != null && l.containsKey(code);
    }

    public Set<String> codes(String list) {
        Map<String, String> l = lists.get(list);
        if (l == null) {
            throw new IllegalArgumentException("No vocabulary list " + list);
        }
        return l.keySet();
    }

    /** The English name of a code, or the code itself when the list does not know it. */
    public String nameEn(String list, String code) {
        return lists.getOrDefault(list, Map.of()).getOrDefault(code, code);
    }

    /** The bokmål name of a code, falling back to its English name. */
    public String nameNb(String list, String code) {
        return bokmaal.getOrDefault(list + "/" + code, nameEn(list, code));
    }

    public Map<String, Map<String, String>> all() {
        return lists;
    }

    public List<String> listNames() {
        return List.copyOf(lists.keySet());
    }
}
