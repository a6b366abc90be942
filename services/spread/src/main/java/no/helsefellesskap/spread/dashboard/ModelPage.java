package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.events.CompetenceRequirement;
import no.helsefellesskap.model.rules.CompetenceGap;
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
 * the pilots that follow it, its adoptions (the spread curve and where the adopters are), its competence requirements,
 * and for a signed-in organisation its own gap against them by the competence registry's rule, from the aggregate
 * counts it has recorded (never people); a requirement with no count recorded says so.
 */
@ApplicationScoped
public class ModelPage {

    public record Task(String taskId, String name, String category, List<String> requiredCompetences) {
    }

    public record Version(int version, String name, String modelType, String lifecycle, List<String> fromGroups,
                          List<String> toGroups, List<Task> tasks, List<CompetenceRequirement> requirements,
                          String publishedBy, Instant publishedAt, Instant provenAt, String provenRule,
                          List<String> provenByEvaluations) {
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
     * One of the model's requirements against the organisation's own counts (the latest per unit, summed), judged by
     * the competence registry's rule ({@link CompetenceGap}): MET, SHORT or MISSING. {@code counted}: whether any
     * count was recorded at all, so "none recorded" is told apart from "counted, and none".
     */
    public record GapRow(String competence, String personnelGroup, int required, int available, int shortfall,
                         CompetenceGap.Status status, boolean counted, LocalDate countedOn) {
    }

    /** {@code verdict}: READY when every requirement is met, GAPS otherwise, NONE when the model states none. */
    public record Gap(String orgnr, String organisationName, List<GapRow> rows, String verdict) {
    }

    public record View(String modelId, String name, String lifecycle, List<Version> versions, List<Evidence> evidence,
                       List<FollowingPilot> pilots, List<Adoption> adoptions, List<PartnershipAdopters> adopterMap,
                       Gap gap) {
    }

    @Inject
    Db db;

    @Inject
    JsonText json;

    public View of(UUID model, Optional<String> callerOrgnr) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        List<Version> versions = db.list("""
                select version, name, model_type, lifecycle, from_groups::text f, to_groups::text t, task_ids::text ids,
                  competence_requirements::text req, published_by, published_at, proven_at, proven_rule,
                  proven_evaluation_ids::text proven
                from model_version where model_id = ? order by version""", rs -> new Version(rs.getInt("version"),
                rs.getString("name"), rs.getString("model_type"), rs.getString("lifecycle"), json.strings(rs.getString("f")),
                json.strings(rs.getString("t")), json.strings(rs.getString("ids")).stream()
                .map(id -> new Task(id, null, null, List.of())).toList(), requirements(rs.getString("req")),
                rs.getString("published_by"),
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
                v.requirements(), v.publishedBy(), v.publishedAt(), v.provenAt(), v.provenRule(), v.provenByEvaluations())).toList();
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

        Gap gap = callerOrgnr.map(org -> gap(org, latest.requirements())).orElse(null);
        return new View(model.toString(), latest.name(), latest.lifecycle(), versions, evidence, pilots, adoptions, map,
                gap);
    }

    private List<CompetenceRequirement> requirements(String jsonArray) {
        return jsonArray == null ? List.of() : java.util.Arrays.asList(json.read(jsonArray, CompetenceRequirement[].class));
    }

    private Gap gap(String orgnr, List<CompetenceRequirement> requirements) {
        String name = db.one("select name from organisation where orgnr = ? order by valid_to desc nulls first limit 1",
                rs -> rs.getString(1), orgnr).orElse(null);
        List<GapRow> rows = new ArrayList<>();
        for (CompetenceRequirement r : requirements) {
            // the latest count per unit, as the competence registry reads them
            record Count(int headcount, LocalDate countedOn) {
            }
            List<Count> counts = db.list("""
                    select distinct on (organisation_unit) headcount, counted_on from competence_profile
                    where orgnr = ? and personnel_group = ? and competence = ?
                    order by organisation_unit, counted_on desc nulls last""",
                    rs -> new Count(rs.getInt(1), Db.date(rs, "counted_on")), orgnr, r.personnelGroup(), r.competence());
            int available = counts.stream().mapToInt(Count::headcount).sum();
            LocalDate latest = counts.stream().map(Count::countedOn).filter(java.util.Objects::nonNull)
                    .max(LocalDate::compareTo).orElse(null);
            rows.add(new GapRow(r.competence(), r.personnelGroup(), r.minimumHeadcount(), available,
                    CompetenceGap.shortfall(r.minimumHeadcount(), available),
                    CompetenceGap.status(r.minimumHeadcount(), available), !counts.isEmpty(), latest));
        }
        String verdict = rows.isEmpty() ? "NONE"
                : rows.stream().allMatch(r -> r.status() == CompetenceGap.Status.MET) ? "READY" : "GAPS";
        return new Gap(orgnr, name, rows, verdict);
    }
}
