package no.helsefellesskap.pilots.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.codes.CsvTable;
import no.helsefellesskap.model.codes.Kommunenummer;
import no.helsefellesskap.model.codes.OrganisationNumber;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.pilots.service.OrganisationService.Org;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.json.JsonText;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static no.helsefellesskap.pilots.service.OrganisationService.date;
import static no.helsefellesskap.pilots.service.OrganisationService.fingerprint;

/**
 * Loads organisations, municipalities, the partnerships and their memberships from the versioned files in
 * {@code reference/} at start: a new or changed row is an event, an unchanged one is not. Instances starting together
 * load one after the other (an advisory lock).
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);

    public static final String ORGANISATIONS = "/reference/organisations.v1.csv";
    public static final String MUNICIPALITIES = "/reference/municipalities.v1.csv";
    public static final String PARTNERSHIPS = "/reference/partnerships.v1.csv";
    public static final String MEMBERSHIPS = "/reference/memberships.v1.csv";

    @Inject
    Db db;

    @Inject
    JsonText jsonText;

    @Inject
    Vocabulary vocabulary;

    @Inject
    OrganisationService organisations;

    void onStart(@Observes StartupEvent ev) {
        int changed = load(ORGANISATIONS, MUNICIPALITIES, PARTNERSHIPS, MEMBERSHIPS);
        LOG.infof("Organisations and partnerships loaded: %d changes", changed);
    }

    /** Every municipality version in a municipalities file, as organisations of kind MUNICIPALITY. */
    static List<Org> municipalities(String resource) {
        List<Org> out = new ArrayList<>();
        for (Map<String, String> r : CsvTable.load(resource).rows()) {
            out.add(new Org(r.get("code"), "MUNICIPALITY", r.get("name"), CsvTable.opt(r, "orgnr"), null,
                    r.get("kommunenummer"), null, date(CsvTable.opt(r, "valid_from")), date(CsvTable.opt(r, "valid_to")),
                    r.get("source"), false, CsvTable.opt(r, "name_other"), CsvTable.opt(r, "county")));
        }
        return out;
    }

    /** @return how many events the load emitted */
    @Transactional
    public int load(String organisationsFile, String municipalitiesFile, String partnershipsFile, String membershipsFile) {
        db.list("select pg_advisory_xact_lock(hashtext('pilot-projects.reference-data'))", rs -> 1);
        int events = 0;
        List<Org> rows = new ArrayList<>();
        for (Map<String, String> r : CsvTable.load(organisationsFile).rows()) {
            Org o = new Org(r.get("code"), r.get("kind"), r.get("name"), CsvTable.opt(r, "orgnr"), CsvTable.opt(r, "resh"),
                    CsvTable.opt(r, "kommunenummer"), CsvTable.opt(r, "parent"), date(CsvTable.opt(r, "valid_from")),
                    date(CsvTable.opt(r, "valid_to")), r.get("source"), false, CsvTable.opt(r, "name_other"),
                    CsvTable.opt(r, "county"));
            if (o.orgnr() != null && !OrganisationNumber.isValid(o.orgnr())) {
                throw new IllegalStateException(organisationsFile + ": invalid orgnr for " + o.code());
            }
            if (!vocabulary.contains(Vocabulary.ORGANISATION_KIND, o.kind())) {
                throw new IllegalStateException(organisationsFile + ": unknown kind " + o.kind());
            }
            rows.add(o);
        }
        for (Org m : municipalities(municipalitiesFile)) {
            if (!Kommunenummer.isValidFormat(m.kommunenummer()) || m.orgnr() != null && !OrganisationNumber.isValid(m.orgnr())) {
                throw new IllegalStateException(municipalitiesFile + ": invalid kommunenummer or orgnr for " + m.code());
            }
            rows.add(m);
        }
        // each organisation's versions oldest first, so a later version closes the one before it
        rows.sort(Comparator.comparing(Org::code).thenComparing(Org::validFrom,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Org o : rows) {
            if (loadVersion(o)) {
                events++;
            }
        }
        Set<String> changedPartnerships = new LinkedHashSet<>();
        for (Map<String, String> r : CsvTable.load(partnershipsFile).rows()) {
            if (loadPartnership(r)) {
                changedPartnerships.add(r.get("code"));
            }
        }
        for (Map<String, String> r : CsvTable.load(membershipsFile).rows()) {
            if (organisations.addMembership(r.get("partnership"), r.get("organisation"), r.get("role"),
                    date(CsvTable.opt(r, "valid_from")), date(CsvTable.opt(r, "valid_to")), r.get("source"))) {
                changedPartnerships.add(r.get("partnership"));
            }
        }
        for (String code : changedPartnerships) {
            organisations.emitPartnership(code);
            events++;
        }
        return events;
    }

    /** One partnership row and its hospital trusts' memberships; @return whether anything changed */
    private boolean loadPartnership(Map<String, String> r) {
        List<String> trusts = CsvTable.list(r, "hospital_trusts", "\\|");
        String count = CsvTable.opt(r, "municipality_count");
        String fp = fingerprint(r.get("name"), r.get("region"), String.join("|", trusts), count, r.get("status"));
        if (db.one("select fingerprint from partnership where code = ?", rs -> Db.trimmed(rs, "fingerprint"),
                r.get("code")).filter(fp::equals).isPresent()) {
            return false;
        }
        db.update("""
                        insert into partnership (code, name, region, hospital_trusts, municipality_count, status,
                                                 priority_groups, governance_bodies, source, fingerprint)
                        values (?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)
                        on conflict (code) do update set name = excluded.name, region = excluded.region,
                          hospital_trusts = excluded.hospital_trusts, municipality_count = excluded.municipality_count,
                          status = excluded.status, source = excluded.source, fingerprint = excluded.fingerprint""",
                r.get("code"), r.get("name"), r.get("region"), jsonText.write(trusts),
                count == null ? null : Integer.valueOf(count), r.get("status"),
                jsonText.write(List.copyOf(vocabulary.codes(Vocabulary.PRIORITY_GROUP))),
                jsonText.write(OrganisationService.GOVERNANCE), r.get("source"), fp);
        for (String trust : trusts) {
            organisations.addMembership(r.get("code"), trust, "HOSPITAL_TRUST", null, null, r.get("source"));
        }
        return true;
    }

    /** A stored version: its row id, fingerprint and period. */
    private record Stored(long id, String fingerprint, java.time.LocalDate validFrom, java.time.LocalDate validTo) {
        static Stored of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Stored(rs.getLong("id"), Db.trimmed(rs, "fingerprint"), Db.date(rs, "valid_from"),
                    Db.date(rs, "valid_to"));
        }
    }

    /**
     * One version of an organisation from the reference file, matched to the stored version that starts the same day:
     * unchanged is nothing, changed is a correction of that version, new is a version that closes the open one before
     * it. Versions entered through the API are kept. @return whether an event was emitted
     */
    private boolean loadVersion(Org o) {
        var same = db.one("""
                        select id, fingerprint, valid_from, valid_to from organisation_version
                         where code = ? and valid_from is not distinct from ? order by id desc limit 1""",
                Stored::of, o.code(), o.validFrom());
        if (same.isPresent() && o.validTo() == null && same.get().validTo() != null) {
            // a file may end a version but never reopen one a later file (or the API) has ended
            o = o.valid(o.validFrom(), same.get().validTo());
        }
        String fp = o.fingerprint();
        if (same.isPresent()) {
            if (fp.equals(same.get().fingerprint())) {
                return false;
            }
            db.update("""
                            update organisation_version set kind = ?, name = ?, orgnr = ?, resh = ?, kommunenummer = ?,
                              parent = ?, valid_to = ?, source = ?, fingerprint = ?, name_other = ?, county = ?
                             where id = ?""",
                    o.kind(), o.name(), o.orgnr(), o.resh(), o.kommunenummer(), o.parent(), o.validTo(), o.source(), fp,
                    o.nameOther(), o.county(), same.get().id());
            organisations.emitOrganisation(o);
            return true;
        }
        if (o.validFrom() != null) {
            // the version open before this one ends the day this one starts
            db.update("""
                            update organisation_version set valid_to = ?
                             where code = ? and valid_to is null and (valid_from is null or valid_from < ?)""",
                    o.validFrom(), o.code(), o.validFrom());
        } else {
            var open = db.one("""
                            select id, fingerprint, valid_from, valid_to from organisation_version
                             where code = ? and valid_to is null order by id desc limit 1""", Stored::of, o.code());
            if (open.isPresent()) {
                // a file row without a start date for an organisation that already has versions: a correction of
                // the current one, whose start stays as it is
                return loadVersion(o.valid(open.get().validFrom(), o.validTo()));
            }
        }
        organisations.insertVersion(o, fp);
        return true;
    }
}
