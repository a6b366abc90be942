package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.json.JsonText;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One task-sharing model as spread knows it from the events: its versions, the evidence that made a version PROVEN,
 * the pilots that follow it, its adoptions (the spread curve and where the adopters are), what its tasks require, and
 * for a signed-in organisation its own competence gap: for each required competence, how many in the model's
 * receiving groups it has recorded (aggregate counts, never people), none, or nothing recorded (unknown, not 0).
 */
@ApplicationScoped
public class ModelPage {

    public record Task(String taskId, String name, String category, List<String> requiredCompetences) {
    }

    public record Version(int version, String name, String modelType, String lifecycle, List<String> fromGroups,
                          List<String> toGroups, List<Task> tasks, String publishedBy, Instant publishedAt,
                          Instant provenAt, String provenRule, List<String> provenByEvaluations) {
    }

    /** {@code provesVersion}: the evidence rule counted it for that version. */
    public record Evidence(String evaluationId, String pilotId, String pilotTitle, Integer modelVersion,
                           String recommendation, String evidenceLevel, Instant publishedAt, Integer provesVersion,
                           String href) {
    }

    public record FollowingPilot(String pilotId, String title, String status, String partnership, Integer modelVersion,
                                 String href) {
    }

    public record Adoption(String adoptionId, int modelVersion, String adopterOrgnr, String adopterName,
                           List<String> partnerships, String status, Instant declaredAt, Instant completedAt,
                           Instant abandonedAt, String reason) {
    }

    /** A partnership and how many of its members adopted (not abandoned) the model: the map of adopters. */
    public record PartnershipAdopters(String code, String name, String region, int adopters) {
    }

    /**
     * One required competence against the organisation's own counts in the model's receiving groups: {@code HAS}
     * (some recorded), {@code NONE} (counted, and none), {@code UNKNOWN} (nothing recorded for it).
     */
    public record GapRow(String competence, Long headcount, LocalDate countedOn, String status) {
    }

    /** {@code verdict}: READY (every requirement held), GAPS (one or more counted as none), or UNKNOWN. */
    public record Gap(String orgnr, String organisationName, List<String> receivingGroups, List<GapRow> rows,
                      String verdict) {
    }

    public record View(String modelId, String name, String lifecycle, List<Version> versions, List<Evidence> evidence,
                       List<FollowingPilot> pilots, List<Adoption> adoptions, List<PartnershipAdopters> adopterMap,
                       List<String> requiredCompetences, Gap gap) {
    }

    @Inject
    Db db;

    @Inject
    JsonText json;

    public View of(UUID model, Optional<String> callerOrgnr) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        List<Version> versions = db.list("""
                select version, name, model_type, lifecycle, from_groups::text f, to_groups::text t, task_ids::text ids,
                  published_by, published_at, proven_at, proven_rule, proven_evaluation_ids::text proven
                from model_version where model_id = ? order by version""", rs -> new Version(rs.getInt("version"),
                rs.getString("name"), rs.getString("model_type"), rs.getString("lifecycle"), json.strings(rs.getString("f")),
                json.strings(rs.getString("t")), json.strings(rs.getString("ids")).stream()
                .map(id -> new Task(id, null, null, List.of())).toList(), rs.getString("published_by"),
                Db.instant(rs, "published_at"), Db.instant(rs, "proven_at"), rs.getString("proven_rule"),
                rs.getString("proven") == null ? List.of() : json.strings(rs.getString("proven"))), model);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("Model", model.toString());
        }
        Set<String> taskIds = new LinkedHashSet<>();
        versions.forEach(v -> v.tasks().forEach(t -> taskIds.add(t.taskId())));
        if (!taskIds.isEmpty()) {
            db.list("select task_id::text, name, category, required_competences::text from task where task_id::text = any(?)",
                    rs -> tasks.put(rs.getString(1), new Task(rs.getString(1), rs.getString(2), rs.getString(3),
                            json.strings(rs.getString(4)))), (Object) taskIds.toArray(String[]::new));
        }
        versions = versions.stream().map(v -> new Version(v.version(), v.name(), v.modelType(), v.lifecycle(),
                v.fromGroups(), v.toGroups(), v.tasks().stream().map(t -> tasks.getOrDefault(t.taskId(), t)).toList(),
                v.publishedBy(), v.publishedAt(), v.provenAt(), v.provenRule(), v.provenByEvaluations())).toList();
        Version latest = versions.get(versions.size() - 1);

        Map<String, Integer> proves = new LinkedHashMap<>();
        versions.forEach(v -> v.provenByEvaluations().forEach(e -> proves.putIfAbsent(e, v.version())));
        List<Evidence> evidence = db.list("""
                select e.evaluation_id::text id, e.pilot_id::text pilot, p.title, e.model_version, e.recommendation,
                  e.evidence_level, e.published_at
                from evaluation e left join pilot p on p.pilot_id = e.pilot_id
                where e.published_at is not null and (e.model_id = ? or e.evaluation_id::text = any(?))
                order by e.published_at""", rs -> new Evidence(rs.getString("id"), rs.getString("pilot"),
                rs.getString("title"), (Integer) rs.getObject("model_version"), rs.getString("recommendation"),
                rs.getString("evidence_level"), Db.instant(rs, "published_at"), proves.get(rs.getString("id")),
                "/pilot.html?id=" + rs.getString("pilot")), model, proves.keySet().toArray(String[]::new));

        List<FollowingPilot> pilots = db.list("""
                select pilot_id::text id, title, status, partnership, model_version from pilot where model_id = ?
                order by registered_at""", rs -> new FollowingPilot(rs.getString("id"), rs.getString("title"),
                rs.getString("status"), rs.getString("partnership"), (Integer) rs.getObject("model_version"),
                "/pilot.html?id=" + rs.getString("id")), model);

        List<Adoption> adoptions = db.list("""
                select a.adoption_id::text id, a.model_version, a.adopter_orgnr, a.status, a.declared_at, a.completed_at,
                  a.abandoned_at, a.reason,
                  (select o.name from organisation o where o.orgnr = a.adopter_orgnr
                    order by o.valid_to desc nulls first limit 1) adopter,
                  (select coalesce(jsonb_agg(distinct ps.code), '[]'::jsonb)::text from partnership ps
                    join organisation o on o.orgnr = a.adopter_orgnr
                    where ps.members @> jsonb_build_array(jsonb_build_object('organisation', o.code))
                       or ps.hospital_trusts @> jsonb_build_array(o.code)) partnerships
                from adoption a where a.model_id = ? order by a.declared_at nulls last""",
                rs -> new Adoption(rs.getString("id"), rs.getInt("model_version"), rs.getString("adopter_orgnr"),
                        rs.getString("adopter"), json.strings(rs.getString("partnerships")), rs.getString("status"),
                        Db.instant(rs, "declared_at"), Db.instant(rs, "completed_at"), Db.instant(rs, "abandoned_at"),
                        rs.getString("reason")), model);

        Map<String, Integer> adoptersPer = new LinkedHashMap<>();
        adoptions.stream().filter(a -> !"ABANDONED".equals(a.status()))
                .forEach(a -> a.partnerships().forEach(p -> adoptersPer.merge(p, 1, Integer::sum)));
        List<PartnershipAdopters> map = db.list("select code, name, region from partnership order by name",
                rs -> new PartnershipAdopters(rs.getString(1), rs.getString(2), rs.getString(3),
                        adoptersPer.getOrDefault(rs.getString(1), 0)));

        List<String> required = latest.tasks().stream().flatMap(t -> t.requiredCompetences().stream()).distinct().toList();
        Gap gap = callerOrgnr.map(org -> gap(org, latest.toGroups(), required)).orElse(null);
        return new View(model.toString(), latest.name(), latest.lifecycle(), versions, evidence, pilots, adoptions, map,
                required, gap);
    }

    private Gap gap(String orgnr, List<String> groups, List<String> required) {
        String name = db.one("select name from organisation where orgnr = ? order by valid_to desc nulls first limit 1",
                rs -> rs.getString(1), orgnr).orElse(null);
        // the newest count per unit, group and competence: profiles are kept per unit, each with its latest count
        Map<String, Object[]> held = new LinkedHashMap<>();
        if (!required.isEmpty()) {
            db.list("""
                    select competence, sum(headcount) n, max(counted_on) d from competence_profile
                    where orgnr = ? and competence = any(?) and (cardinality(?::text[]) = 0 or personnel_group = any(?))
                    group by competence""", rs -> held.put(rs.getString("competence"),
                    new Object[] {rs.getLong("n"), Db.date(rs, "d")}), orgnr, required.toArray(String[]::new),
                    groups.toArray(String[]::new), groups.toArray(String[]::new));
        }
        List<GapRow> rows = new ArrayList<>();
        for (String c : required) {
            Object[] h = held.get(c);
            rows.add(h == null ? new GapRow(c, null, null, "UNKNOWN")
                    : new GapRow(c, (Long) h[0], (LocalDate) h[1], (Long) h[0] > 0 ? "HAS" : "NONE"));
        }
        String verdict = rows.stream().anyMatch(r -> "NONE".equals(r.status())) ? "GAPS"
                : rows.stream().anyMatch(r -> "UNKNOWN".equals(r.status())) ? "UNKNOWN" : "READY";
        return new Gap(orgnr, name, groups, rows, verdict);
    }
}
