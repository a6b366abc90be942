package no.helsefellesskap.competence.service;

import com.fasterxml.jackson.core.type.TypeReference;
import no.helsefellesskap.model.rules.CompetenceGap;
import no.helsefellesskap.runtime.data.Db;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.codes.CompetenceCatalogue;
import no.helsefellesskap.model.codes.SignOffScheme;
import no.helsefellesskap.model.events.CompetenceRequirement;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * For a model version and an organisation: each required competence against the organisation's latest aggregate
 * counts (per unit, the most recent count date), and the sign-off schemes that close a gap. Every figure names the
 * counts it was summed from, so a reader can trace it.
 */
@ApplicationScoped
public class CompetenceGapService {

    public record SchemeRef(String code, String nameNb, String nameEn, List<String> steps, String source) {
        static SchemeRef of(SignOffScheme s) {
            return new SchemeRef(s.code(), s.nameNb(), s.nameEn(), s.steps(), s.source());
        }
    }

    public record Line(String competence, String competenceName, String personnelGroup, int required, int available,
                       int shortfall, CompetenceGap.Status status, boolean acceptsActualCompetence, LocalDate latestCountedOn,
                       List<UUID> fromCounts, List<SchemeRef> closedBy) {
    }

    public record Report(UUID modelId, int version, String modelName, String orgnr, List<Line> gaps, List<Line> met) {
    }

    @Inject
    Db db;

    @Inject
    ObjectMapper json;

    @Inject
    CompetenceCatalogue catalogue;

    public Report report(UUID modelId, int version, String orgnr) {
        String[] row = db.one("select name, requirements::text r from model_requirement where model_id = ? and version = ?",
                        rs -> new String[] {rs.getString("name"), rs.getString("r")}, modelId, version)
                .orElseThrow(() -> ProblemException.notFound("Model version", modelId + " v" + version));
        List<CompetenceRequirement> requirements;
        try {
            requirements = json.readValue(row[1], new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored requirements unreadable", e);
        }
        List<Line> gaps = new ArrayList<>();
        List<Line> met = new ArrayList<>();
        for (CompetenceRequirement r : requirements) {
            Line line = line(r, orgnr);
            (line.status() == CompetenceGap.Status.MET ? met : gaps).add(line);
        }
        return new Report(modelId, version, row[0], orgnr, gaps, met);
    }

    private Line line(CompetenceRequirement r, String orgnr) {
        // latest count per organisation unit for this group and competence
        record Count(UUID id, int headcount, LocalDate countedOn) {
        }
        List<Count> counts = db.list("""
                        select distinct on (organisation_unit) id, headcount, counted_on
                          from competence_profile
                         where orgnr = ? and personnel_group = ? and competence = ?
                         order by organisation_unit, counted_on desc""",
                rs -> new Count(Db.uuid(rs, "id"), rs.getInt("headcount"), Db.date(rs, "counted_on")),
                orgnr, r.personnelGroup(), r.competence());
        int available = 0;
        LocalDate latest = null;
        List<UUID> ids = new ArrayList<>();
        for (Count c : counts) {
            ids.add(c.id());
            available += c.headcount();
            latest = latest == null || c.countedOn().isAfter(latest) ? c.countedOn() : latest;
        }
        int shortfall = CompetenceGap.shortfall(r.minimumHeadcount(), available);
        CompetenceGap.Status status = CompetenceGap.status(r.minimumHeadcount(), available);
        var competence = catalogue.competence(r.competence());
        List<SchemeRef> closedBy = competence.map(c -> c.closedBy().stream()
                .map(code -> catalogue.scheme(code).map(SchemeRef::of).orElseThrow()).toList()).orElse(List.of());
        return new Line(r.competence(), competence.map(c -> c.nameNb()).orElse(r.competence()), r.personnelGroup(),
                r.minimumHeadcount(), available, shortfall, status, r.acceptsActualCompetence(), latest, ids,
                status == CompetenceGap.Status.MET ? List.of() : closedBy);
    }
}
