package no.helsefellesskap.competence.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import no.helsefellesskap.runtime.data.Db;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.codes.Competence;
import no.helsefellesskap.model.codes.CompetenceCatalogue;
import no.helsefellesskap.model.codes.PersonnelGroup;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.events.CompetenceDefinition;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PersonnelGroupDefinition;
import no.helsefellesskap.runtime.outbox.Outbox;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads personnel groups and competences from the versioned data files into this service's tables at start.
 * A new row emits "defined", a changed row emits "changed", an unchanged row emits nothing.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);

    public record Result(int defined, int changed, int unchanged) {
    }

    @Inject
    Db db;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    PersonnelGroups personnelGroups;

    @Inject
    CompetenceCatalogue competences;

    void onStart(@Observes StartupEvent ev) {
        Result r = load(personnelGroups, competences);
        LOG.infof("Reference data loaded: %d defined, %d changed, %d unchanged", r.defined(), r.changed(), r.unchanged());
    }

    @Transactional
    public Result load(PersonnelGroups groups, CompetenceCatalogue catalogue) {
        // one loader at a time across instances
        db.list("select pg_advisory_xact_lock(hashtext('competence-registry.reference-data'))", rs -> 1);
        int[] counts = new int[3];
        for (PersonnelGroup g : groups.all()) {
            PersonnelGroupDefinition d = new PersonnelGroupDefinition(g.code(), g.nameNb(), g.nameEn(), g.hprCategory(),
                    g.authorised(), g.isco08(), g.escoUri(), g.educationRoute(), g.alsoAuthorisedAs(), groups.version(),
                    g.kind(), g.authorisation(), g.restsOn(), g.styrk08());
            String content = canonical(List.of(g.code(), g.nameNb(), g.nameEn(), String.valueOf(g.hprCategory()),
                    String.valueOf(g.authorised()), String.valueOf(g.isco08()), String.valueOf(g.escoUri()),
                    g.educationRoute(), String.join("|", g.alsoAuthorisedAs()), g.kind(), String.valueOf(g.authorisation()),
                    String.join("|", g.restsOn()), String.valueOf(g.styrk08())));
            counts[upsert("personnel_group", g.code(), d, content, groups.version(),
                    EventTypes.PERSONNEL_GROUP_DEFINED, EventTypes.PERSONNEL_GROUP_CHANGED)]++;
        }
        for (Competence c : catalogue.competences()) {
            CompetenceDefinition d = new CompetenceDefinition(c.code(), c.nameNb(), c.nameEn(), c.type(), c.issuedBy(),
                    c.recognisedBy(), c.refreshIntervalMonths(), c.closedBy(), catalogue.competenceVersion());
            String content = canonical(List.of(c.code(), c.nameNb(), c.nameEn(), c.type(), String.valueOf(c.issuedBy()),
                    String.valueOf(c.recognisedBy()), String.valueOf(c.refreshIntervalMonths()), String.join("|", c.closedBy())));
            counts[upsert("competence", c.code(), d, content, catalogue.competenceVersion(),
                    EventTypes.COMPETENCE_DEFINED, EventTypes.COMPETENCE_CHANGED)]++;
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    /** @return 0 defined, 1 changed, 2 unchanged */
    private int upsert(String table, String code, Record definition, String content, String version,
                       EventType defined, EventType changed) {
        String fingerprint = sha256(content);
        // table is one of this class's two constants, never a caller's value
        var existing = db.one("select fingerprint from " + table + " where code = ?", rs -> Db.trimmed(rs, "fingerprint"), code);
        if (existing.filter(fingerprint::equals).isPresent()) {
            return 2;
        }
        if (existing.isEmpty()) {
            db.update("insert into " + table + " (code, definition, fingerprint, code_list_version, updated_at)"
                    + " values (?, cast(? as jsonb), ?, ?, now())", code, toJson(definition), fingerprint, version);
        } else {
            db.update("update " + table + " set definition = cast(? as jsonb), fingerprint = ?, code_list_version = ?,"
                    + " updated_at = now() where code = ?", toJson(definition), fingerprint, version, code);
        }
        outbox.emit(existing.isEmpty() ? defined : changed, code, definition);
        return existing.isEmpty() ? 0 : 1;
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(List<String> fields) {
        return String.join("\u001f", fields);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
