package no.helsefellesskap.pilots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.json.JsonText;
import no.helsefellesskap.runtime.data.Db;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.codes.Kommunenummer;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.OrganisationChanged;
import no.helsefellesskap.model.events.PartnershipChanged;
import no.helsefellesskap.model.events.PartnershipMember;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.validation.CodeCheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Organisations (with validity periods) and the 19 health partnerships with their memberships: what the API reads
 * and changes. {@link ReferenceDataLoader} loads them at start from the versioned files in {@code reference/}.
 */
@ApplicationScoped
public class OrganisationService {

    /**
     * {@code sandbox}: a test or probe organisation (load tests, integration tests, trying the API); its records are
     * left out of the programme's figures and of other organisations' feeds unless a filter asks for them.
     */
    public record Org(String code, String kind, String name, String orgnr, String resh, String kommunenummer,
                      String parent, LocalDate validFrom, LocalDate validTo, String source, boolean sandbox,
                      String nameOther, String county) {

        Org(String code, String kind, String name, String orgnr, String resh, String kommunenummer, String parent,
            LocalDate validFrom, LocalDate validTo, String source, boolean sandbox) {
            this(code, kind, name, orgnr, resh, kommunenummer, parent, validFrom, validTo, source, sandbox, null, null);
        }

        static Org of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Org(rs.getString("code"), rs.getString("kind"), rs.getString("name"), Db.trimmed(rs, "orgnr"),
                    rs.getString("resh"), Db.trimmed(rs, "kommunenummer"), rs.getString("parent"),
                    Db.date(rs, "valid_from"), Db.date(rs, "valid_to"), rs.getString("source"),
                    rs.getBoolean("sandbox"), rs.getString("name_other"), Db.trimmed(rs, "county"));
        }

        /** A copy with another validity period. */
        Org valid(LocalDate from, LocalDate to) {
            return new Org(code, kind, name, orgnr, resh, kommunenummer, parent, from, to, source, sandbox, nameOther,
                    county);
        }

        String fingerprint() {
            return OrganisationService.fingerprint(kind, name, orgnr, resh, kommunenummer, parent, nameOther, county,
                    String.valueOf(validTo));
        }
    }

    public record GovernanceBody(String type, Integer meetingsPerYear, String source) {
    }

    public record Partnership(String code, String name, String region, List<String> hospitalTrusts,
                              Integer municipalityCount, String status, List<String> priorityGroups,
                              List<GovernanceBody> governanceBodies, List<PartnershipMember> members, String source) {
    }

    /** The three levels of NOU 2023:4 (seeds/003 L8782-8808); the partnership meeting is annual (L8789). */
    static final List<GovernanceBody> GOVERNANCE = List.of(
            new GovernanceBody("PARTNERSHIP_MEETING", 1, "seeds/003 L8782-8808"),
            new GovernanceBody("STRATEGIC_COLLABORATION_COMMITTEE", null, "seeds/003 L8782-8808"),
            new GovernanceBody("PROFESSIONAL_COLLABORATION_COMMITTEES", null, "seeds/003 L8782-8808"));

    @Inject
    JsonText jsonText;

    @Inject
    Db db;

    @Inject
    Outbox outbox;

    @Inject
    Vocabulary vocabulary;

    @Inject
    CodeCheck codes;

    /** A membership from {@code from} (null: since before the suite's records); false when it is already there. */
    boolean addMembership(String partnership, String organisation, String role, LocalDate from, LocalDate to, String source) {
        boolean known = db.one("""
                        select 1 from membership where partnership = ? and organisation = ?
                           and valid_from is not distinct from ?""", rs -> true, partnership, organisation, from)
                .isPresent();
        if (known) {
            return false;
        }
        db.update("insert into membership (partnership, organisation, role, valid_from, valid_to, source) values (?, ?, ?, ?, ?, ?)",
                partnership, organisation, role, from, to, source);
        return true;
    }

    /**
     * A programme administrator registers an organisation the reference files do not list, with the source that names
     * it. {@code validFrom} may be null: existing since before the suite's records.
     */
    @Transactional
    public Org register(String code, String kind, String name, String orgnr, String kommunenummer, String parent,
                        LocalDate validFrom, String source, boolean sandbox) {
        if (code != null && find(code).isPresent()) {
            throw ProblemException.conflict("Organisation " + code + " exists; change it with PUT");
        }
        CodeCheck.Errors e = codes.errors().term(Vocabulary.ORGANISATION_KIND, "kind", kind);
        if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{1,79}")) {
            e.add("code", "must be 2-80 capital letters, digits or '-'");
        }
        if (kommunenummer != null && !Kommunenummer.isValidFormat(kommunenummer)) {
            e.add("kommunenummer", "must be 4 digits with a leading zero kept");
        }
        if (parent != null && find(parent).isEmpty()) {
            e.add("parent", "unknown organisation " + parent);
        }
        if (orgnr != null && byOrgnr(orgnr).isPresent()) {
            e.add("orgnr", "another organisation has number " + orgnr);
        }
        e.throwIfAny();
        Org o = new Org(code, kind, name, orgnr, null, kommunenummer, parent, validFrom, null, source, sandbox);
        insertVersion(o, o.fingerprint());
        return o;
    }

    /** A new version of an organisation from {@code validFrom}; the current one ends that day. */
    @Transactional
    public Org change(String code, String name, String orgnr, String kommunenummer, String parent, LocalDate validFrom) {
        Org cur = get(code);
        if (cur.validFrom() != null && !validFrom.isAfter(cur.validFrom())) {
            throw ProblemException.invalid("validFrom", "must be after the current version's start " + cur.validFrom());
        }
        if (kommunenummer != null && !Kommunenummer.isValidFormat(kommunenummer)) {
            throw ProblemException.invalid("kommunenummer", "must be 4 digits with a leading zero kept");
        }
        if (parent != null && find(parent).isEmpty()) {
            throw ProblemException.invalid("parent", "unknown organisation " + parent);
        }
        Org next = new Org(code, cur.kind(), name, orgnr, cur.resh(), kommunenummer, parent, validFrom, null,
                "changed through the API", cur.sandbox(), cur.nameOther(), cur.county());
        db.update("update organisation_version set valid_to = ? where code = ? and valid_to is null", validFrom, code);
        insertVersion(next, next.fingerprint());
        return next;
    }

    /** Moves an organisation to a partnership from {@code validFrom}; its earlier membership ends that day. */
    @Transactional
    public Partnership join(String partnership, String organisation, String role, LocalDate validFrom) {
        Partnership p = partnership(partnership);
        Org o = get(organisation);
        List<String> previous = db.list("""
                        select distinct partnership from membership
                         where organisation = ? and (valid_to is null or valid_to > ?)""", rs -> rs.getString(1),
                o.code(), validFrom);
        db.update("update membership set valid_to = ? where organisation = ? and (valid_to is null or valid_to > ?)",
                validFrom, o.code(), validFrom);
        addMembership(p.code(), o.code(), role, validFrom, null, "changed through the API");
        for (String prev : previous) {
            if (!prev.equals(p.code())) {
                emitPartnership(prev);
            }
        }
        emitPartnership(p.code());
        return partnership(partnership);
    }

    /**
     * The partnership an organisation belonged to on {@code date}, if any. A hospital trust in more than one (Ahus serves
     * three Oslo districts) belongs first to the partnership it leads.
     */
    public Optional<String> partnershipOf(String organisationCode, LocalDate date) {
        return db.one("""
                        select m.partnership from membership m join partnership p on p.code = m.partnership
                         where m.organisation = ? and (m.valid_from is null or m.valid_from <= ?)
                           and (m.valid_to is null or m.valid_to > ?)
                         order by (p.hospital_trusts->>0 = m.organisation) desc, m.valid_from desc nulls last limit 1""",
                rs -> rs.getString(1), organisationCode, date, date);
    }

    public Optional<Org> byOrgnr(String orgnr) {
        return db.one(SELECT_ORG + " where orgnr = ? and " + IN_FORCE + " order by id desc limit 1", Org::of, orgnr);
    }

    public Optional<Org> find(String code) {
        return db.one(SELECT_ORG + " where code = ? and " + IN_FORCE + " order by id desc limit 1", Org::of, code);
    }

    public Org get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("Organisation", code));
    }

    public List<Org> history(String code) {
        return db.list(SELECT_ORG + " where code = ? order by id", Org::of, code);
    }

    public List<Org> all(String kind) {
        return db.list(SELECT_ORG + " where " + IN_FORCE
                + " and (cast(? as varchar) is null or kind = cast(? as varchar)) order by name", Org::of, kind, kind);
    }

    public List<Partnership> partnerships() {
        return db.list("select code from partnership order by code", rs -> rs.getString(1)).stream()
                .map(this::partnership).toList();
    }

    public Partnership partnership(String code) {
        List<PartnershipMember> members = db.list("""
                        select organisation, role, valid_from, valid_to from membership where partnership = ?
                         order by role, organisation, valid_from nulls first""",
                rs -> new PartnershipMember(rs.getString("organisation"), rs.getString("role"),
                        Db.date(rs, "valid_from"), Db.date(rs, "valid_to")), code);
        return db.one("""
                        select code, name, region, hospital_trusts::text, municipality_count, status,
                               priority_groups::text, source from partnership where code = ?""",
                rs -> new Partnership(rs.getString("code"), rs.getString("name"), rs.getString("region"),
                        jsonText.strings(rs.getString("hospital_trusts")), Db.integer(rs, "municipality_count"),
                        rs.getString("status"), jsonText.strings(rs.getString("priority_groups")), GOVERNANCE, members,
                        rs.getString("source")), code)
                .orElseThrow(() -> ProblemException.notFound("Partnership", code));
    }

    void emitPartnership(String code) {
        Partnership p = partnership(code);
        outbox.emit(EventTypes.PARTNERSHIP_CHANGED, code, new PartnershipChanged(p.code(), p.name(), p.region(),
                p.hospitalTrusts(), p.municipalityCount(), p.status(), p.priorityGroups(), p.members(), Instant.now()));
    }

    void insertVersion(Org o, String fp) {
        db.update("""
                        insert into organisation_version (code, kind, name, orgnr, resh, kommunenummer, parent, valid_from,
                                                          valid_to, source, fingerprint, sandbox, name_other, county)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                o.code(), o.kind(), o.name(), o.orgnr(), o.resh(), o.kommunenummer(), o.parent(), o.validFrom(),
                o.validTo(), o.source(), fp, o.sandbox(), o.nameOther(), o.county());
        emitOrganisation(o);
    }

    void emitOrganisation(Org o) {
        outbox.emit(EventTypes.ORGANISATION_CHANGED, o.code(), new OrganisationChanged(o.code(), o.kind(), o.name(),
                o.orgnr(), o.resh(), o.kommunenummer(), o.parent(), o.validFrom(), o.validTo(), o.sandbox(),
                o.nameOther(), o.county()));
    }

    /** The version in force today: a version the reference files date in the future (the next reform) waits. */
    private static final String IN_FORCE = "(valid_from is null or valid_from <= current_date)"
            + " and (valid_to is null or valid_to > current_date)";

    private static final String SELECT_ORG = "select code, kind, name, orgnr, resh, kommunenummer, parent, valid_from, valid_to, source, sandbox, name_other, county from organisation_version";

    static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    static String fingerprint(String... parts) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u001f", java.util.Arrays.stream(parts).map(String::valueOf).toList()).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
