package no.helsefellesskap.pilots.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.json.JsonText;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.codes.CsvTable;
import no.helsefellesskap.model.codes.Kommunenummer;
import no.helsefellesskap.model.codes.OrganisationNumber;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.OrganisationChanged;
import no.helsefellesskap.model.events.PartnershipChanged;
import no.helsefellesskap.model.events.PartnershipMember;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.validation.CodeCheck;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Organisations (with validity periods) and the 19 health partnerships with their memberships. Loaded at start from
 * versioned files in {@code reference/}; a new or changed row is an event, an unchanged one is not.
 */
@ApplicationScoped
public class OrganisationService {

    private static final Logger LOG = Logger.getLogger(OrganisationService.class);

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
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Vocabulary vocabulary;

    @Inject
    CodeCheck codes;

    public static final String ORGANISATIONS = "/reference/organisations.v1.csv";
    public static final String MUNICIPALITIES = "/reference/municipalities.v1.csv";
    public static final String PARTNERSHIPS = "/reference/partnerships.v1.csv";
    public static final String MEMBERSHIPS = "/reference/memberships.v1.csv";

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
    public int load(String organisations, String municipalities, String partnerships, String memberships) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('pilot-projects.reference-data'))").getSingleResult();
        int events = 0;
        List<Org> rows = new ArrayList<>();
        for (Map<String, String> r : CsvTable.load(organisations).rows()) {
            Org o = new Org(r.get("code"), r.get("kind"), r.get("name"), CsvTable.opt(r, "orgnr"), CsvTable.opt(r, "resh"),
                    CsvTable.opt(r, "kommunenummer"), CsvTable.opt(r, "parent"), date(CsvTable.opt(r, "valid_from")),
                    date(CsvTable.opt(r, "valid_to")), r.get("source"), false, CsvTable.opt(r, "name_other"),
                    CsvTable.opt(r, "county"));
            if (o.orgnr() != null && !OrganisationNumber.isValid(o.orgnr())) {
                throw new IllegalStateException(organisations + ": invalid orgnr for " + o.code());
            }
            if (!vocabulary.contains(Vocabulary.ORGANISATION_KIND, o.kind())) {
                throw new IllegalStateException(organisations + ": unknown kind " + o.kind());
            }
            rows.add(o);
        }
        for (Org m : municipalities(municipalities)) {
            if (!Kommunenummer.isValidFormat(m.kommunenummer()) || m.orgnr() != null && !OrganisationNumber.isValid(m.orgnr())) {
                throw new IllegalStateException(municipalities + ": invalid kommunenummer or orgnr for " + m.code());
            }
            rows.add(m);
        }
        // each organisation's versions oldest first, so a later version closes the one before it
        rows.sort(java.util.Comparator.comparing(Org::code).thenComparing(Org::validFrom,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        for (Org o : rows) {
            if (loadVersion(o)) {
                events++;
            }
        }
        Set<String> changedPartnerships = new LinkedHashSet<>();
        for (Map<String, String> r : CsvTable.load(partnerships).rows()) {
            List<String> trusts = CsvTable.list(r, "hospital_trusts", "\\|");
            String count = CsvTable.opt(r, "municipality_count");
            String fp = fingerprint(r.get("name"), r.get("region"), String.join("|", trusts), count, r.get("status"));
            List<?> existing = em.createNativeQuery("select fingerprint from partnership where code = ?1")
                    .setParameter(1, r.get("code")).getResultList();
            if (!existing.isEmpty() && fp.equals(existing.get(0).toString().trim())) {
                continue;
            }
            em.createNativeQuery("""
                            insert into partnership (code, name, region, hospital_trusts, municipality_count, status,
                                                     priority_groups, governance_bodies, source, fingerprint)
                            values (?1, ?2, ?3, cast(?4 as jsonb), ?5, ?6, cast(?7 as jsonb), cast(?8 as jsonb), ?9, ?10)
                            on conflict (code) do update set name = ?2, region = ?3, hospital_trusts = cast(?4 as jsonb),
                              municipality_count = ?5, status = ?6, source = ?9, fingerprint = ?10""")
                    .setParameter(1, r.get("code")).setParameter(2, r.get("name")).setParameter(3, r.get("region"))
                    .setParameter(4, jsonText.write(trusts)).setParameter(5, count == null ? null : Integer.valueOf(count))
                    .setParameter(6, r.get("status")).setParameter(7, jsonText.write(List.copyOf(vocabulary.codes(Vocabulary.PRIORITY_GROUP))))
                    .setParameter(8, jsonText.write(GOVERNANCE)).setParameter(9, r.get("source")).setParameter(10, fp)
                    .executeUpdate();
            changedPartnerships.add(r.get("code"));
            for (String trust : trusts) {
                if (addMembership(r.get("code"), trust, "HOSPITAL_TRUST", null, null, r.get("source"))) {
                    changedPartnerships.add(r.get("code"));
                }
            }
        }
        for (Map<String, String> r : CsvTable.load(memberships).rows()) {
            if (addMembership(r.get("partnership"), r.get("organisation"), r.get("role"), date(CsvTable.opt(r, "valid_from")),
                    date(CsvTable.opt(r, "valid_to")), r.get("source"))) {
                changedPartnerships.add(r.get("partnership"));
            }
        }
        for (String code : changedPartnerships) {
            emitPartnership(code);
            events++;
        }
        return events;
    }

    /**
     * One version of an organisation from the reference file, matched to the stored version that starts the same day:
     * unchanged is nothing, changed is a correction of that version, new is a version that closes the open one before
     * it. Versions entered through the API are kept. @return whether an event was emitted
     */
    private boolean loadVersion(Org o) {
        @SuppressWarnings("unchecked")
        List<Object[]> same = em.createNativeQuery("""
                        select id, fingerprint from organisation_version
                         where code = ?1 and valid_from is not distinct from ?2 order by id desc limit 1""")
                .setParameter(1, o.code()).setParameter(2, o.validFrom()).getResultList();
        if (!same.isEmpty() && o.validTo() == null) {
            // a file may end a version but never reopen one a later file (or the API) has ended
            Object storedTo = em.createNativeQuery("select valid_to from organisation_version where id = ?1")
                    .setParameter(1, same.get(0)[0]).getSingleResult();
            if (storedTo != null) {
                o = new Org(o.code(), o.kind(), o.name(), o.orgnr(), o.resh(), o.kommunenummer(), o.parent(),
                        o.validFrom(), localDate(storedTo), o.source(), o.sandbox(), o.nameOther(), o.county());
            }
        }
        String fp = o.fingerprint();
        if (!same.isEmpty()) {
            if (fp.equals(((String) same.get(0)[1]).trim())) {
                return false;
            }
            em.createNativeQuery("""
                            update organisation_version set kind = ?2, name = ?3, orgnr = ?4, resh = ?5,
                              kommunenummer = ?6, parent = ?7, valid_to = ?8, source = ?9, fingerprint = ?10,
                              name_other = ?11, county = ?12 where id = ?1""")
                    .setParameter(1, same.get(0)[0]).setParameter(2, o.kind()).setParameter(3, o.name())
                    .setParameter(4, o.orgnr()).setParameter(5, o.resh()).setParameter(6, o.kommunenummer())
                    .setParameter(7, o.parent()).setParameter(8, o.validTo()).setParameter(9, o.source())
                    .setParameter(10, fp).setParameter(11, o.nameOther()).setParameter(12, o.county()).executeUpdate();
            emitOrganisation(o);
            return true;
        }
        if (o.validFrom() != null) {
            // the version open before this one ends the day this one starts
            em.createNativeQuery("""
                            update organisation_version set valid_to = ?2
                             where code = ?1 and valid_to is null and (valid_from is null or valid_from < ?2)""")
                    .setParameter(1, o.code()).setParameter(2, o.validFrom()).executeUpdate();
        } else {
            Optional<Object[]> open = current(o.code());
            if (open.isPresent()) {
                // a file row without a start date for an organisation that already has versions: a correction of
                // the current one, whose start stays as it is
                return loadVersion(new Org(o.code(), o.kind(), o.name(), o.orgnr(), o.resh(), o.kommunenummer(),
                        o.parent(), localDate(open.get()[2]), o.validTo(), o.source(), false, o.nameOther(),
                        o.county()));
            }
        }
        insertVersion(o, fp);
        return true;
    }

    private boolean addMembership(String partnership, String organisation, String role, LocalDate from, LocalDate to, String source) {
        long n = ((Number) em.createNativeQuery("""
                        select count(*) from membership where partnership = ?1 and organisation = ?2
                           and valid_from is not distinct from ?3""")
                .setParameter(1, partnership).setParameter(2, organisation).setParameter(3, from).getSingleResult()).longValue();
        if (n > 0) {
            return false;
        }
        em.createNativeQuery("insert into membership (partnership, organisation, role, valid_from, valid_to, source) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, partnership).setParameter(2, organisation).setParameter(3, role).setParameter(4, from)
                .setParameter(5, to).setParameter(6, source).executeUpdate();
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
        em.createNativeQuery("update organisation_version set valid_to = ?2 where code = ?1 and valid_to is null")
                .setParameter(1, code).setParameter(2, validFrom).executeUpdate();
        insertVersion(next, next.fingerprint());
        return next;
    }

    /** Moves an organisation to a partnership from {@code validFrom}; its earlier membership ends that day. */
    @Transactional
    public Partnership join(String partnership, String organisation, String role, LocalDate validFrom) {
        Partnership p = partnership(partnership);
        Org o = get(organisation);
        List<?> previous = em.createNativeQuery("""
                        select distinct partnership from membership
                         where organisation = ?1 and (valid_to is null or valid_to > ?2)""")
                .setParameter(1, o.code()).setParameter(2, validFrom).getResultList();
        em.createNativeQuery("update membership set valid_to = ?2 where organisation = ?1 and (valid_to is null or valid_to > ?2)")
                .setParameter(1, o.code()).setParameter(2, validFrom).executeUpdate();
        addMembership(p.code(), o.code(), role, validFrom, null, "changed through the API");
        for (Object prev : previous) {
            if (!prev.equals(p.code())) {
                emitPartnership((String) prev);
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
        List<?> rows = em.createNativeQuery("""
                        select m.partnership from membership m join partnership p on p.code = m.partnership
                         where m.organisation = ?1 and (m.valid_from is null or m.valid_from <= ?2)
                           and (m.valid_to is null or m.valid_to > ?2)
                         order by (p.hospital_trusts->>0 = m.organisation) desc, m.valid_from desc nulls last limit 1""")
                .setParameter(1, organisationCode).setParameter(2, date).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    public Optional<Org> byOrgnr(String orgnr) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT_ORG + " where orgnr = ?1 and " + IN_FORCE + " order by id desc limit 1")
                .setParameter(1, orgnr).getResultList();
        return rows.stream().findFirst().map(OrganisationService::org);
    }

    public Optional<Org> find(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT_ORG + " where code = ?1 and " + IN_FORCE + " order by id desc limit 1")
                .setParameter(1, code).getResultList();
        return rows.stream().findFirst().map(OrganisationService::org);
    }

    public Org get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("Organisation", code));
    }

    public List<Org> history(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT_ORG + " where code = ?1 order by id").setParameter(1, code).getResultList();
        return rows.stream().map(OrganisationService::org).toList();
    }

    public List<Org> all(String kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT_ORG + " where " + IN_FORCE + " and (cast(?1 as varchar) is null or kind = cast(?1 as varchar)) order by name")
                .setParameter(1, kind).getResultList();
        return rows.stream().map(OrganisationService::org).toList();
    }

    public List<Partnership> partnerships() {
        List<?> codes = em.createNativeQuery("select code from partnership order by code").getResultList();
        return codes.stream().map(c -> partnership((String) c)).toList();
    }

    public Partnership partnership(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select code, name, region, hospital_trusts::text, municipality_count, status, priority_groups::text, source
                          from partnership where code = ?1""").setParameter(1, code).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Partnership", code);
        }
        Object[] r = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> members = em.createNativeQuery("""
                        select organisation, role, valid_from, valid_to from membership where partnership = ?1
                         order by role, organisation, valid_from nulls first""").setParameter(1, code).getResultList();
        List<PartnershipMember> m = new ArrayList<>();
        for (Object[] x : members) {
            m.add(new PartnershipMember((String) x[0], (String) x[1], localDate(x[2]), localDate(x[3])));
        }
        return new Partnership((String) r[0], (String) r[1], (String) r[2], jsonText.strings((String) r[3]),
                r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], jsonText.strings((String) r[6]), GOVERNANCE, m,
                (String) r[7]);
    }

    private void emitPartnership(String code) {
        Partnership p = partnership(code);
        outbox.emit(EventTypes.PARTNERSHIP_CHANGED, code, new PartnershipChanged(p.code(), p.name(), p.region(),
                p.hospitalTrusts(), p.municipalityCount(), p.status(), p.priorityGroups(), p.members(), Instant.now()));
    }

    private void insertVersion(Org o, String fp) {
        em.createNativeQuery("""
                        insert into organisation_version (code, kind, name, orgnr, resh, kommunenummer, parent, valid_from,
                                                          valid_to, source, fingerprint, sandbox, name_other, county)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                .setParameter(1, o.code()).setParameter(2, o.kind()).setParameter(3, o.name()).setParameter(4, o.orgnr())
                .setParameter(5, o.resh()).setParameter(6, o.kommunenummer()).setParameter(7, o.parent())
                .setParameter(8, o.validFrom()).setParameter(9, o.validTo()).setParameter(10, o.source()).setParameter(11, fp)
                .setParameter(12, o.sandbox()).setParameter(13, o.nameOther()).setParameter(14, o.county())
                .executeUpdate();
        emitOrganisation(o);
    }

    private void emitOrganisation(Org o) {
        outbox.emit(EventTypes.ORGANISATION_CHANGED, o.code(), new OrganisationChanged(o.code(), o.kind(), o.name(),
                o.orgnr(), o.resh(), o.kommunenummer(), o.parent(), o.validFrom(), o.validTo(), o.sandbox(),
                o.nameOther(), o.county()));
    }

    private Optional<Object[]> current(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, fingerprint, valid_from from organisation_version where code = ?1 and valid_to is null order by id desc limit 1")
                .setParameter(1, code).getResultList();
        return rows.stream().findFirst();
    }

    /** The version in force today: a version the reference files date in the future (the next reform) waits. */
    private static final String IN_FORCE = "(valid_from is null or valid_from <= current_date)"
            + " and (valid_to is null or valid_to > current_date)";

    private static final String SELECT_ORG = "select code, kind, name, orgnr, resh, kommunenummer, parent, valid_from, valid_to, source, sandbox, name_other, county from organisation_version";

    private static Org org(Object[] r) {
        return new Org((String) r[0], (String) r[1], (String) r[2], r[3] == null ? null : r[3].toString().trim(), (String) r[4],
                r[5] == null ? null : r[5].toString().trim(), (String) r[6], localDate(r[7]), localDate(r[8]), (String) r[9],
                Boolean.TRUE.equals(r[10]), (String) r[11], r[12] == null ? null : r[12].toString().trim());
    }

    static LocalDate localDate(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static String fingerprint(String... parts) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u001f", java.util.Arrays.stream(parts).map(String::valueOf).toList()).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
