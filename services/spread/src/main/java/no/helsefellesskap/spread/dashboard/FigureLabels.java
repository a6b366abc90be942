package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.codes.PersonnelGroup;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.spread.config.SpreadConfig;

import java.util.List;
import java.util.Map;

/** What the dashboard calls each key, in Norwegian and English: the code lists' names, and the dashboard's own. */
@ApplicationScoped
public class FigureLabels {

    public record Label(String nb, String en) {
    }

    private static final Map<String, Label> FIXED = Map.ofEntries(
            Map.entry("PLANNED", new Label("Planlagt", "Planned")),
            Map.entry("RUNNING", new Label("Pågår", "Running")),
            Map.entry("COMPLETED", new Label("Fullført", "Completed")),
            Map.entry("ABANDONED", new Label("Avbrutt", "Abandoned")),
            Map.entry("EVALUATED", new Label("Evaluert", "Evaluated")),
            Map.entry("NOT_EVALUATED", new Label("Ikke evaluert", "Not evaluated")),
            Map.entry("NOT_ASSESSED", new Label("Oppgaver ikke vurdert", "Tasks not assessed")),
            Map.entry("UNKNOWN", new Label("Ukjent", "Unknown")));

    static final Map<String, Label> SCOPE_LABELS = Map.of(
            "PILOT_SITES", new Label("ved pilotenes egne steder", "at the pilots' own sites"),
            "REGION", new Label("for en region", "for a region"),
            "NATIONAL", new Label("for hele landet", "for the whole country"));

    @Inject
    Vocabulary vocabulary;

    @Inject
    PersonnelGroups groups;

    @Inject
    SpreadConfig config;


    Label fixed(String k) {
        return FIXED.getOrDefault(k, new Label(k, k));
    }

    Label term(String list, String k) {
        if (FIXED.containsKey(k)) {
            return FIXED.get(k);
        }
        return new Label(vocabulary.nameNb(list, k), vocabulary.nameEn(list, k));
    }

    Label group(String code) {
        return groups.byCode(code).map(g -> new Label(g.nameNb(), g.nameEn())).orElse(new Label(code, code));
    }

    boolean isCore(String code) {
        List<String> core = config.dashboard().coreGroups();
        if (core.contains(code)) {
            return true;
        }
        // a midwife is also a nurse; a specialist nurse rests on the nurse's authorisation
        PersonnelGroup g = groups.byCode(code).orElse(null);
        return g != null && (g.alsoAuthorisedAs().stream().anyMatch(core::contains)
                || core.stream().map(groups::byCode).flatMap(java.util.Optional::stream)
                .anyMatch(c -> c.hprCategory() != null && g.restsOn().contains(c.hprCategory())));
    }


    static Label freedTimeLabel(String scope, String basis) {
        if (scope == null || basis == null) {
            return new Label("omfang og grunnlag ikke oppgitt", "scope and basis not stated");
        }
        Label where = SCOPE_LABELS.get(scope);
        boolean measured = "MEASURED".equals(basis);
        return new Label((measured ? "Målt " : "Beregnet ") + where.nb(), (measured ? "Measured " : "Estimated ") + where.en());
    }
}
