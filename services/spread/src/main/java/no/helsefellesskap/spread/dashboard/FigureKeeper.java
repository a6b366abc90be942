package no.helsefellesskap.spread.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.spread.data.Locks;
import no.helsefellesskap.spread.data.EventsApplied;
import no.helsefellesskap.spread.data.RecordsChanged;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps the dashboard's figure rows ({@code figure_row}) equal to what the figures' definitions give over the read
 * models: each change projection announces recomputes the rows of the records it touches, in the same transaction,
 * so an answer never seen before only reads and counts them. The definitions below are the figures' (what
 * {@link FigureRows} reads back, filtered); the partnership an adoption counts for, sandbox organisations and an
 * organisation's kind and name are looked up when read, so reference data changes nothing here. The definitions of
 * all thirteen figures stay in this one class (a little over 300 lines) so that they are read beside each other.
 */
@ApplicationScoped
public class FigureKeeper {

    private static final Logger LOG = Logger.getLogger(FigureKeeper.class);

    /** The stored rows' definition; a service whose definition differs from the stored one recomputes all at start. */
    static final int VERSION = 3;

    private static final String COLUMNS = "figure, source, anchor, k, kind, id, title, org, scope_org, d, dp, ps, v, v2, v3";

    /**
     * Inserts the rows a definition selects, each flagged when its organisation is a sandbox (test or probe) one as
     * the register has it now; the trigger on {@code organisation} keeps the flag right when the register changes.
     */
    private static String insert(String selects) {
        return "insert into figure_row (" + COLUMNS + ", sb)\nselect x.*, coalesce(x.scope_org = any(array("
                + "select orgnr::text from organisation where sandbox)), false) from (\n" + selects + ") x ("
                + COLUMNS + ")\n";
    }

    private static final String REGISTERED = "(p.registered_at at time zone 'Europe/Oslo')::date";

    private static final String PUBLISHED = "(e.published_at at time zone 'Europe/Oslo')::date";

    /** A stored JSON value as an array: a scalar or null gives none, never an error in someone else's transaction. */
    private static String array(String column) {
        return "(case when jsonb_typeof(" + column + ") = 'array' then " + column + " else '[]'::jsonb end)";
    }

    /** Rows of pilots ({@code p}), for the anchors given (all if null). */
    private static String pilotRows(boolean all) {
        return PILOT_ROWS.replace("%11$s", all ? "true" : "p.pilot_id = any(anchors.ids)");
    }

    private static final String EVALUATION_SELECTS = """
            select distinct 'outcomeDimensions', 'evaluation', e.anchor, dim.value, 'evaluation', e.evaluation_id::text,
              e.pilot_title, e.evaluator_orgnr, e.pilot_owner, %1$s, 'DAY', e.pilot_partnership,
              null::float8, null::float8, null::float8
            from e cross join jsonb_array_elements_text(%2$s) dim
            union all
            select 'publishedOutcomes', 'evaluation', e.anchor, 'ALL', 'evaluation', e.evaluation_id::text,
              e.pilot_title, e.evaluator_orgnr, e.pilot_owner, %1$s, 'DAY', e.pilot_partnership, null, null, null
            from e
            union all
            select 'freedTime', 'evaluation', e.anchor, 'ALL', 'evaluation', e.evaluation_id::text, e.pilot_title,
              e.evaluator_orgnr, e.pilot_owner, %1$s, 'DAY', e.pilot_partnership, null, null, null
            from e where jsonb_array_length(%3$s) > 0
            union all
            -- each freed-time figure of an evaluation: key scope|basis|scenario (empty where not recorded)
            select 'freedTime.values', 'evaluation', e.anchor, coalesce(s.value->>'scope', '') || '|'
                || coalesce(s.value->>'basis', '') || '|' || coalesce(s.value->>'scenario', ''), 'evaluation',
              e.evaluation_id::text, e.pilot_title, e.evaluator_orgnr, e.pilot_owner, %1$s, 'DAY', e.pilot_partnership,
              (s.value->>'gross')::float8, (s.value->>'extra')::float8, (s.value->>'net')::float8
            from e cross join jsonb_array_elements(%3$s) s
            where jsonb_typeof(s.value) = 'object'
            """.formatted(PUBLISHED, array("e.outcome_dimensions"), array("e.freed_time"));

    /** Rows of published evaluations ({@code e}), each its own anchor, for the anchors given (all if null). */
    private static final String EVALUATION_ROWS = """
            with anchors as (select cast(? as uuid[]) ids),
            e as (select e.*, e.evaluation_id anchor, pp.title pilot_title, pp.owner_orgnr pilot_owner,
                    pp.partnership pilot_partnership
                  from evaluation e left join pilot pp on pp.pilot_id = e.pilot_id, anchors
                  where e.published_at is not null and %2$s)
            """ + insert(EVALUATION_SELECTS);

    private static String evaluationRows(boolean all) {
        return EVALUATION_ROWS.replace("%2$s", all ? "true" : "e.evaluation_id = any(anchors.ids)");
    }

    private static final String PILOT_ROWS = """
            with anchors as (select cast(? as uuid[]) ids),
            p as (select p.* from pilot p, anchors where %11$s)
            """ + insert("""
            select 'pilotsByStatus', 'pilot', p.pilot_id, p.status, 'pilot', p.pilot_id::text, p.title, p.owner_orgnr,
              p.owner_orgnr, %2$s, 'DAY', p.partnership, null::float8, null::float8, null::float8
            from p where p.registered_at is not null
            union all
            select 'evaluatedShare', 'pilot', p.pilot_id, case when exists (select 1 from evaluation e
                where e.pilot_id = p.pilot_id and e.published_at is not null) then 'EVALUATED' else 'NOT_EVALUATED' end,
              'pilot', p.pilot_id::text, p.title, p.owner_orgnr, p.owner_orgnr, p.completed_on, p.completed_precision,
              p.partnership, null, null, null
            from p where p.status = 'COMPLETED'
            union all
            -- from completion to the first report's own publication date (not when it was entered here)
            select 'medianMonthsToEvaluation', 'pilot', p.pilot_id, 'ALL', 'pilot', p.pilot_id::text, p.title,
              p.owner_orgnr, p.owner_orgnr, p.completed_on, p.completed_precision, p.partnership,
              round(((fe.first_published - p.completed_on) / 30.4375)::numeric, 2)::float8, null, null
            from p cross join lateral (select min(x.report_published_on) first_published from evaluation x
              where x.pilot_id = p.pilot_id and x.published_at is not null and x.report_published_on is not null) fe
            where p.completed_on is not null and fe.first_published is not null
            union all
            -- completed pilots with published evaluations none of whose reports has a known date: not in the median
            select 'medianMonthsToEvaluation.unknownDates', 'pilot', p.pilot_id, 'ALL', 'pilot', p.pilot_id::text,
              p.title, p.owner_orgnr, p.owner_orgnr, p.completed_on, p.completed_precision, p.partnership, null, null, null
            from p where p.completed_on is not null
              and exists (select 1 from evaluation x where x.pilot_id = p.pilot_id and x.published_at is not null)
              and not exists (select 1 from evaluation x where x.pilot_id = p.pilot_id and x.published_at is not null
                and x.report_published_on is not null)
            union all
            -- completed without a published evaluation; overdue once completed before the rule's day (when read)
            select 'overdueEvaluations', 'pilot', p.pilot_id, 'OVERDUE', 'pilot', p.pilot_id::text, p.title,
              p.owner_orgnr, p.owner_orgnr, p.completed_on, p.completed_precision, p.partnership, null, null, null
            from p where p.status = 'COMPLETED' and p.completed_on is not null and not exists (
              select 1 from evaluation x where x.pilot_id = p.pilot_id and x.published_at is not null)
            union all
            select distinct 'partnershipPriorityGroups', 'pilot', p.pilot_id, p.partnership || '|' || g.value, 'pilot',
              p.pilot_id::text, p.title, p.owner_orgnr, p.owner_orgnr, %2$s, 'DAY', p.partnership,
              null::float8, null::float8, null::float8
            from p cross join jsonb_array_elements_text(%3$s) g
            where p.registered_at is not null and p.partnership is not null
            union all
            select distinct 'personnelGroups', 'pilot', p.pilot_id, g.value, 'pilot', p.pilot_id::text, p.title,
              p.owner_orgnr, p.owner_orgnr, %2$s, 'DAY', p.partnership, null::float8, null::float8, null::float8
            from p cross join lateral (select jsonb_array_elements_text(%4$s)
              union select jsonb_array_elements_text(%5$s)) g(value)
            where p.registered_at is not null
            union all
            select distinct 'sharingDirections', 'pilot', p.pilot_id, coalesce(dir.value, 'NOT_ASSESSED'), 'pilot',
              p.pilot_id::text, p.title, p.owner_orgnr, p.owner_orgnr, %2$s, 'DAY', p.partnership,
              null::float8, null::float8, null::float8
            from p left join lateral (select jsonb_array_elements_text(%6$s) value from task t
              where p.task_ids @> to_jsonb(t.task_id::text)) dir on true
            where p.registered_at is not null
            union all
            select 'abandonmentReasons', 'pilot', p.pilot_id, 'pilot/' || coalesce(p.abandonment_reason, 'UNKNOWN'),
              'pilot', p.pilot_id::text, p.title, p.owner_orgnr, p.owner_orgnr, p.abandoned_on, p.abandoned_precision,
              p.partnership, null, null, null
            from p where p.status = 'ABANDONED'
            union all
            -- the owner and every partner; the organisation's kind and name are read from the register when counted
            select distinct 'activeOrganisations', 'pilot', p.pilot_id, null::text, 'organisation', x.orgnr, null::text,
              x.orgnr, x.orgnr, %2$s, 'DAY', p.partnership, null::float8, null::float8, null::float8
            from p cross join lateral (select p.owner_orgnr::text orgnr
              union select jsonb_array_elements_text(%7$s)) x
            where p.registered_at is not null and x.orgnr is not null
            """.formatted(COLUMNS, REGISTERED, array("p.priority_groups"), array("p.from_groups"),
            array("p.to_groups"), array("t.sharing_directions"), array("p.partner_orgnrs"), "", "", "", "%11$s"));

    /** Rows of adoptions ({@code a}), for the anchors given (all if null). */
    private static final String ADOPTION_ROWS = """
            with anchors as (select cast(? as uuid[]) ids),
            a as (select a.*, (a.declared_at at time zone 'Europe/Oslo')::date declared_on,
                    (select max(name) from model_version mv where mv.model_id = a.model_id) model_name
                  from adoption a, anchors where %2$s)
            """ + insert("""
            select 'spreadCurves', 'adoption', a.adoption_id, a.model_id::text, 'adoption', a.adoption_id::text,
              a.model_name, a.adopter_orgnr, a.adopter_orgnr, a.declared_on, 'DAY', null, null::float8, null::float8,
              null::float8
            from a where a.declared_at is not null
            union all
            -- adoptions, not abandoned, of a model version the evidence rule has proven
            select 'provenAdoptions', 'adoption', a.adoption_id, 'ADOPTED', 'adoption', a.adoption_id::text, m.name,
              a.adopter_orgnr, a.adopter_orgnr, a.declared_on, 'DAY', null, null, null, null
            from a join model_version m on m.model_id = a.model_id and m.version = a.model_version
            where a.declared_at is not null and a.status <> 'ABANDONED' and m.proven_at is not null
            union all
            select 'abandonmentReasons', 'adoption', a.adoption_id, 'adoption/' || coalesce(a.reason, 'UNKNOWN'),
              'adoption', a.adoption_id::text, a.model_name, a.adopter_orgnr, a.adopter_orgnr,
              (a.abandoned_at at time zone 'Europe/Oslo')::date, 'DAY', null, null, null, null
            from a where a.status = 'ABANDONED'
            union all
            select 'activeOrganisations', 'adoption', a.adoption_id, null, 'organisation', a.adopter_orgnr, null,
              a.adopter_orgnr, a.adopter_orgnr, a.declared_on, 'DAY', null, null, null, null
            from a where a.declared_at is not null and a.adopter_orgnr is not null
            """);

    private static String adoptionRows(boolean all) {
        return ADOPTION_ROWS.replace("%2$s", all ? "true" : "a.adoption_id = any(anchors.ids)");
    }

    @Inject
    Db db;

    @Inject
    PendingFigures pending;

    /**
     * Same transaction as the change: the records are noted and their rows recomputed together once the
     * transaction's events are applied ({@link #onApplied}); nothing to do for reference data, which is read where
     * it is used. A rebuild recomputes everything at its end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onChanged(@Observes RecordsChanged changed) {
        switch (changed.kind()) {
            case PILOT, EVALUATION, ADOPTION, MODEL, TASK -> pending.add(changed);
            case ALL -> all();
            // rows and counts are all recomputed at the end; the sandbox flags need not follow the register meanwhile
            case ALL_TO_FOLLOW -> deferCounts(true);
            case REFERENCE -> {
            }
        }
    }

    /**
     * The rows of every record the transaction's events changed, recomputed in three statement pairs (pilots,
     * evaluations, adoptions) instead of a pair per record: a pilot's rows with its evaluations' (they carry its
     * title, owner and partnership), an evaluation's own and its pilot's, an adoption's, a model's adoptions', and
     * the pilots that share a task. Each record is recomputed under its lock (a pilot's covers its evaluations), all
     * taken at once in one order, so two transactions never wait on each other's in opposite orders.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onApplied(@Observes EventsApplied applied) {
        Map<RecordsChanged.Kind, Set<UUID>> changed = pending.drain();
        if (changed.isEmpty()) {
            return;
        }
        Set<UUID> pilots = new TreeSet<>(changed.getOrDefault(RecordsChanged.Kind.PILOT, Set.of()));
        Set<UUID> evaluations = new TreeSet<>(
                changed.getOrDefault(RecordsChanged.Kind.EVALUATION, Set.of()));
        Set<UUID> adoptions = new TreeSet<>(
                changed.getOrDefault(RecordsChanged.Kind.ADOPTION, Set.of()));
        Set<UUID> locks = new TreeSet<>(pilots);
        if (!evaluations.isEmpty()) {
            // an evaluation is recomputed under its pilot's lock, or its own when its pilot is not known here
            Map<UUID, UUID> pilotOf = new HashMap<>();
            db.list("select evaluation_id, pilot_id from evaluation where evaluation_id = any(?)", rs -> pilotOf.put(
                    Db.uuid(rs, "evaluation_id"), Db.uuid(rs, "pilot_id")), (Object) ids(evaluations));
            for (UUID e : evaluations) {
                UUID pilot = pilotOf.get(e);
                locks.add(pilot != null ? pilot : e);
                if (pilot != null) {
                    pilots.add(pilot);
                }
            }
        }
        Set<UUID> pilotsWithTheirEvaluations = new TreeSet<>(
                changed.getOrDefault(RecordsChanged.Kind.PILOT, Set.of()));
        for (UUID task : changed.getOrDefault(RecordsChanged.Kind.TASK, Set.of())) {
            db.list("select pilot_id from pilot where task_ids @> to_jsonb(cast(? as text))",
                    rs -> pilots.add(Db.uuid(rs, "pilot_id")), task.toString());
        }
        for (UUID model : changed.getOrDefault(RecordsChanged.Kind.MODEL, Set.of())) {
            db.list("select adoption_id from adoption where model_id = ?", rs -> adoptions.add(Db.uuid(rs, "adoption_id")),
                    model);
        }
        locks.addAll(pilots);
        locks.addAll(adoptions);
        // before the rows' sandbox flags are read from the register: a flag changing now is then seen (V20)
        db.lockShared(Locks.SANDBOX_FLAGS);
        lock(locks);
        if (!pilotsWithTheirEvaluations.isEmpty()) {
            db.list("select evaluation_id from evaluation where pilot_id = any(?)",
                    rs -> evaluations.add(Db.uuid(rs, "evaluation_id")), (Object) ids(pilotsWithTheirEvaluations));
        }
        refresh(pilotRows(false), pilots.toArray(UUID[]::new));
        refresh(evaluationRows(false), evaluations.toArray(UUID[]::new));
        refresh(adoptionRows(false), adoptions.toArray(UUID[]::new));
    }

    private static UUID[] ids(Set<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    /** One transaction at a time recomputes the rows of a pilot (with its evaluations) or an adoption: all in one go. */
    private void lock(Set<UUID> anchors) {
        db.list("select pg_advisory_xact_lock(" + Locks.FIGURE_ROWS + ", k) from (select distinct hashtext(x) k"
                + " from unnest(cast(? as text[])) x order by 1) s", rs -> 1,
                (Object) anchors.stream().map(UUID::toString).toArray(String[]::new));
    }

    /** Recomputes the rows of these anchors (under their lock): the stored ones go, the definition's come. */
    private void refresh(String rows, UUID... ids) {
        if (ids.length == 0) {
            return;
        }
        String[] anchors = Arrays.stream(ids).map(UUID::toString).distinct().toArray(String[]::new);
        // a pilot's rows are anchored to it, an evaluation's to the evaluation, an adoption's to the adoption
        db.update("delete from figure_row where anchor = any(cast(? as uuid[]))", (Object) anchors);
        db.update(rows, (Object) anchors);
    }

    /**
     * Every row again, from the read models as they are (a rebuild, or a new definition), and then every count from
     * the rows at once (the triggers that keep the counts row by row stand aside meanwhile).
     */
    public void all() {
        deferCounts(true);
        db.update("delete from figure_row");
        db.update(pilotRows(true), (Object) null);
        db.update(evaluationRows(true), (Object) null);
        db.update(adoptionRows(true), (Object) null);
        FigureCounts.recount(db);
        deferCounts(false);
        db.update("update read_model_state set figure_rows_version = ? where id = 1", VERSION);
    }

    /**
     * Whether this transaction keeps the counts (and the rows' sandbox flags) as it goes, or leaves them to an
     * {@link #all()} at its end: a rebuild, whose every row is recomputed then anyway.
     */
    public void deferCounts(boolean deferred) {
        db.list("select set_config('spread.figure_rows_deferred', ?, true)", rs -> 1, deferred ? "on" : "off");
    }

    /** Rows stored by an older definition are recomputed before the service serves (live consumers wait). */
    void start(@Observes StartupEvent ev) {
        int stored = db.one("select figure_rows_version from read_model_state where id = 1", rs -> rs.getInt(1))
                .orElse(VERSION);
        if (stored != VERSION) {
            QuarkusTransaction.requiringNew().run(() -> {
                db.lockExclusive(Locks.REBUILD);
                long start = System.nanoTime();
                all();
                LOG.infof("Figure rows recomputed for definition %d (stored: %d) in %d ms", VERSION, stored,
                        (System.nanoTime() - start) / 1_000_000);
            });
        }
    }
}
