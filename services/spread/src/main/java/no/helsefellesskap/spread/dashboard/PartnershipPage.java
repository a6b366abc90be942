package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.json.JsonText;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.util.List;

/** Who a partnership is: its region, its hospital trusts and its current member organisations, by name. */
@ApplicationScoped
public class PartnershipPage {

    public record Member(String code, String name, String kind, String orgnr, String kommunenummer, String role) {
    }

    public record View(String code, String name, String region, String status, List<Member> hospitalTrusts,
                       List<Member> members, List<String> priorityGroups) {
    }

    @Inject
    Db db;

    @Inject
    JsonText json;

    @Inject
    no.helsefellesskap.runtime.time.SuiteClock clock;

    /** A municipality (by kommunenummer) and the partnership it is a current member of: what the map colours. */
    public record MunicipalityIn(String kommunenummer, String partnership) {
    }

    public List<MunicipalityIn> map() {
        return db.list("""
                select distinct on (o.kommunenummer) o.kommunenummer, ps.code
                from partnership ps cross join jsonb_array_elements(ps.members) m
                join organisation o on o.code = m->>'organisation'
                where o.kommunenummer is not null and (m->>'validTo' is null
                  or m->>'validTo' !~ '^\\d{4}-\\d{2}-\\d{2}$' or (m->>'validTo')::date >= ?)
                order by o.kommunenummer, ps.code""", rs -> new MunicipalityIn(rs.getString(1), rs.getString(2)),
                clock.today());
    }

    public View of(String code) {
        return db.one("""
                select code, name, region, status, priority_groups::text pg from partnership where code = ?""",
                rs -> new View(rs.getString("code"), rs.getString("name"), rs.getString("region"), rs.getString("status"),
                        trusts(code), members(code), json.strings(rs.getString("pg"))), code)
                .orElseThrow(() -> ProblemException.notFound("Partnership", code));
    }

    private List<Member> trusts(String code) {
        return db.list("""
                select t.value code, o.name, o.kind, o.orgnr, o.kommunenummer
                from partnership ps cross join jsonb_array_elements_text(ps.hospital_trusts) t
                left join organisation o on o.code = t.value where ps.code = ? order by coalesce(o.name, t.value)""",
                rs -> new Member(rs.getString("code"), rs.getString("name"), rs.getString("kind"), rs.getString("orgnr"),
                        rs.getString("kommunenummer"), "HOSPITAL_TRUST"), code);
    }

    private List<Member> members(String code) {
        return db.list("""
                select m->>'organisation' code, o.name, o.kind, o.orgnr, o.kommunenummer, m->>'role' role
                from partnership ps cross join jsonb_array_elements(ps.members) m
                left join organisation o on o.code = m->>'organisation'
                where ps.code = ? and (m->>'validTo' is null or m->>'validTo' !~ '^\\d{4}-\\d{2}-\\d{2}$'
                  or (m->>'validTo')::date >= ?)
                order by coalesce(o.name, m->>'organisation')""",
                rs -> new Member(rs.getString("code"), rs.getString("name"), rs.getString("kind"), rs.getString("orgnr"),
                        rs.getString("kommunenummer"), rs.getString("role")), code, clock.today());
    }
}
