package no.helsefellesskap.spread.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.codes.DatePrecision;
import no.helsefellesskap.runtime.data.Db;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a signed-in organisation sees first: who it is, the partnerships it is a member of (the one it is most central
 * to first: the fewest hospital trusts, then by name), and its own pilots (as
 * owner or partner) with those whose evaluation is overdue first. Overdue is the dashboard's own figure, so the two
 * never disagree.
 */
@ApplicationScoped
public class MyOrganisation {

    public record Organisation(String code, String name, String kind) {
    }

    public record Partnership(String code, String name) {
    }

    /** {@code completedShown}: the completion date as exactly as it is known; {@code overdue}: its evaluation is. */
    public record OwnPilot(String id, String title, String status, String relation, String partnership,
                           LocalDate completedOn, String completedShown, boolean overdue, String href) {
    }

    /** {@code subscriber}: the caller may manage its organisation's subscriptions. */
    public record View(String orgnr, Organisation organisation, List<Partnership> partnerships, List<OwnPilot> pilots,
                       int overdue, boolean subscriber) {
    }

    @Inject
    Db db;

    @Inject
    FigureRows rows;

    public View of(Optional<String> orgnr, boolean subscriber) {
        if (orgnr.isEmpty()) {
            return new View(null, null, List.of(), List.of(), 0, false);
        }
        String nr = orgnr.get();
        Organisation org = db.one("select code, name, kind from organisation where orgnr = ?"
                        + " order by valid_to desc nulls first limit 1",
                rs -> new Organisation(rs.getString(1), rs.getString(2), rs.getString(3)), nr).orElse(null);
        // first the one it is most central to: a trust serving districts of a neighbour's partnership (Ahus in Oslo)
        // is one of several trusts there, and the only one in its own
        List<Partnership> partnerships = db.list("""
                select ps.code, ps.name, jsonb_array_length(ps.hospital_trusts) trusts from partnership ps
                where exists (select 1 from organisation o where o.orgnr = ? and (
                  ps.members @> jsonb_build_array(jsonb_build_object('organisation', o.code))
                  or ps.hospital_trusts @> jsonb_build_array(o.code)))
                order by trusts, ps.name""", rs -> new Partnership(rs.getString(1), rs.getString(2)), nr);
        Map<String, Boolean> overdue = new HashMap<>();
        for (FigureRows.Query q : rows.queries("overdueEvaluations",
                new DashboardService.Filter(null, null, null, true))) {
            db.list(q.sql(), rs -> overdue.put(rs.getString("id"), true), q.params());
        }
        List<OwnPilot> pilots = db.list("""
                select pilot_id::text id, title, status, partnership, completed_on, completed_precision,
                  case when owner_orgnr = ? then 'OWNER' else 'PARTNER' end relation
                from pilot where owner_orgnr = ? or partner_orgnrs @> jsonb_build_array(cast(? as text))""",
                rs -> {
                    LocalDate completed = Db.date(rs, "completed_on");
                    String id = rs.getString("id");
                    return new OwnPilot(id, rs.getString("title"), rs.getString("status"), rs.getString("relation"),
                            rs.getString("partnership"), completed,
                            DatePrecision.shown(completed, rs.getString("completed_precision")),
                            overdue.containsKey(id), "/pilot.html?id=" + id);
                }, nr, nr, nr);
        List<OwnPilot> sorted = pilots.stream().sorted(Comparator.comparing((OwnPilot p) -> !p.overdue())
                .thenComparing(OwnPilot::title, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        return new View(nr, org, partnerships, sorted, (int) sorted.stream().filter(OwnPilot::overdue).count(),
                subscriber);
    }
}
