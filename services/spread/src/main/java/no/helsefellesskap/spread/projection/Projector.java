package no.helsefellesskap.spread.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.events.AdoptionChanged;
import no.helsefellesskap.model.events.CompetenceProfileRecorded;
import no.helsefellesskap.model.events.EvaluationDrafted;
import no.helsefellesskap.model.events.EvaluationPublished;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelLifecycleChanged;
import no.helsefellesskap.model.events.ModelProven;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.model.events.OrganisationChanged;
import no.helsefellesskap.model.events.PartnerAnswered;
import no.helsefellesskap.model.events.PartnershipChanged;
import no.helsefellesskap.model.events.PilotEvaluationOverdue;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.model.events.PilotStatusChanged;
import no.helsefellesskap.model.events.TaskAssessed;
import no.helsefellesskap.model.events.TaskRegistered;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.runtime.messaging.PoisonEventException;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.json.JsonText;

import java.util.List;
import java.util.Optional;
import no.helsefellesskap.spread.data.RecordsChanged;
import no.helsefellesskap.spread.data.RecordsChanged.Kind;

/**
 * Applies one event to the read models. Every statement is an upsert keyed by the aggregate, so applying the events
 * of a topic again, in topic order, gives the same rows: that is what makes a rebuild possible. One short method per
 * event type, in one class (a little over 300 lines) so the read models' whole definition is read in one place.
 */
@ApplicationScoped
public class Projector {

    @Inject
    Db db;

    @Inject
    ObjectMapper json;

    @Inject
    JsonText text;

    /**
     * @return what the event changed (for what is kept from it in the same transaction: the dashboard's figure rows),
     * or empty for a type the read models are not built from (which does not count as applied)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public Optional<RecordsChanged> apply(IncomingEvent e) {
        return apply(e, db::update);
    }

    /** As {@link #apply(IncomingEvent)}, its statements given to {@code sql} (a replay batches them). */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public Optional<RecordsChanged> apply(IncomingEvent e, Statements sql) {
        RecordsChanged changed;
        if (e.is(EventTypes.ORGANISATION_CHANGED)) {
            organisation(e.payload(EventTypes.ORGANISATION_CHANGED, json), sql);
            changed = RecordsChanged.REFERENCE_DATA;
        } else if (e.is(EventTypes.PARTNERSHIP_CHANGED)) {
            partnership(e.payload(EventTypes.PARTNERSHIP_CHANGED, json), sql);
            changed = RecordsChanged.REFERENCE_DATA;
        } else if (e.is(EventTypes.TASK_REGISTERED)) {
            changed = task(e.payload(EventTypes.TASK_REGISTERED, json), sql);
        } else if (e.is(EventTypes.TASK_ASSESSED)) {
            changed = assessed(e.payload(EventTypes.TASK_ASSESSED, json), sql);
        } else if (e.is(EventTypes.MODEL_PUBLISHED) || e.is(EventTypes.MODEL_VERSIONED)) {
            changed = model(e.<ModelPublished>payloadIfOneOf(json, EventTypes.MODEL_PUBLISHED,
                    EventTypes.MODEL_VERSIONED).orElseThrow(), sql);
        } else if (e.is(EventTypes.MODEL_LIFECYCLE_CHANGED)) {
            changed = lifecycle(e.payload(EventTypes.MODEL_LIFECYCLE_CHANGED, json), sql);
        } else if (e.is(EventTypes.COMPETENCE_PROFILE_RECORDED)) {
            competenceProfile(e.payload(EventTypes.COMPETENCE_PROFILE_RECORDED, json), sql);
            changed = RecordsChanged.REFERENCE_DATA;
        } else if (e.is(EventTypes.MODEL_PROVEN)) {
            changed = proven(e.payload(EventTypes.MODEL_PROVEN, json), sql);
        } else if (e.is(EventTypes.PILOT_REGISTERED)) {
            changed = pilot(e.payload(EventTypes.PILOT_REGISTERED, json), sql);
        } else if (e.is(EventTypes.PILOT_STARTED) || e.is(EventTypes.PILOT_COMPLETED) || e.is(EventTypes.PILOT_ABANDONED)
                || e.is(EventTypes.PILOT_STATUS_CHANGED)) {
            changed = status(e.<PilotStatusChanged>payloadIfOneOf(json, EventTypes.PILOT_STARTED,
                    EventTypes.PILOT_COMPLETED, EventTypes.PILOT_ABANDONED, EventTypes.PILOT_STATUS_CHANGED).orElseThrow(), sql);
        } else if (e.is(EventTypes.PARTNER_CONFIRMED) || e.is(EventTypes.PARTNER_DECLINED)) {
            changed = partner(e.<PartnerAnswered>payloadIfOneOf(json, EventTypes.PARTNER_CONFIRMED,
                    EventTypes.PARTNER_DECLINED).orElseThrow(), sql);
        } else if (e.is(EventTypes.PILOT_EVALUATION_OVERDUE)) {
            changed = overdue(e.payload(EventTypes.PILOT_EVALUATION_OVERDUE, json), sql);
        } else if (e.is(EventTypes.EVALUATION_DRAFTED)) {
            changed = drafted(e.payload(EventTypes.EVALUATION_DRAFTED, json), sql);
        } else if (e.is(EventTypes.EVALUATION_PUBLISHED)) {
            changed = published(e.payload(EventTypes.EVALUATION_PUBLISHED, json), sql);
        } else if (e.is(EventTypes.ADOPTION_DECLARED) || e.is(EventTypes.ADOPTION_COMPLETED)
                || e.is(EventTypes.ADOPTION_ABANDONED)) {
            changed = adoption(e.<AdoptionChanged>payloadIfOneOf(json, EventTypes.ADOPTION_DECLARED,
                    EventTypes.ADOPTION_COMPLETED, EventTypes.ADOPTION_ABANDONED).orElseThrow(), sql);
        } else {
            return Optional.empty(); // a type this service does not read (e.g. task.reservation-flagged): not counted
        }
        return Optional.of(changed);
    }

    /**
     * Adds applied events to the read models' state. The live path adds each event in its own transaction; a rebuild
     * adds its total once at the end, since updating one row on every event of a single long transaction grows a
     * chain of row versions that each later update walks (the rebuild slowed to about 8 ms per event at 200,000).
     */
    public void counted(long events, java.time.Instant latest) {
        db.update("update read_model_state set events_applied = events_applied + ?, "
                + "last_event_at = greatest(coalesce(last_event_at, ?), ?) where id = 1", events, latest, latest);
    }

    /**
     * The organisation as it is now: a version replaces the one held unless it starts before it (a correction of
     * history). Every kommunenummer it has had is kept beside it.
     */
    private void organisation(OrganisationChanged o, Statements sql) {
        sql.update("""
                insert into organisation (code, kind, name, orgnr, kommunenummer, parent, valid_from, valid_to, sandbox)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set kind = excluded.kind, name = excluded.name, orgnr = excluded.orgnr,
                  kommunenummer = excluded.kommunenummer, parent = excluded.parent, valid_from = excluded.valid_from,
                  valid_to = excluded.valid_to, sandbox = excluded.sandbox
                where organisation.valid_from is null or excluded.valid_from is null
                   or excluded.valid_from >= organisation.valid_from""",
                o.code(), o.kind(), o.name(), o.orgnr(), o.kommunenummer(), o.parent(), o.validFrom(), o.validTo(),
                Boolean.TRUE.equals(o.sandbox()));
        if (o.kommunenummer() != null) {
            sql.update("insert into organisation_kommunenummer (code, kommunenummer) values (?, ?) on conflict do nothing",
                    o.code(), o.kommunenummer());
        }
    }

    private void partnership(PartnershipChanged p, Statements sql) {
        sql.update("""
                insert into partnership (code, name, region, status, hospital_trusts, priority_groups, members)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
                on conflict (code) do update set name = excluded.name, region = excluded.region,
                  status = excluded.status, hospital_trusts = excluded.hospital_trusts,
                  priority_groups = excluded.priority_groups, members = excluded.members""",
                p.code(), p.name(), p.region(), p.status(), text.write(p.hospitalTrusts()), text.write(p.priorityGroups()),
                text.write(p.members()));
    }

    private RecordsChanged task(TaskRegistered t, Statements sql) {
        sql.update("""
                insert into task (task_id, name, category) values (?, ?, ?)
                on conflict (task_id) do update set name = excluded.name, category = excluded.category""",
                t.taskId(), t.nameNb(), t.category());
        return RecordsChanged.of(Kind.TASK, t.taskId());
    }

    private RecordsChanged assessed(TaskAssessed a, Statements sql) {
        sql.update("""
                insert into task (task_id, sharing_directions, required_competences) values (?, ?::jsonb, ?::jsonb)
                on conflict (task_id) do update set sharing_directions = excluded.sharing_directions,
                  required_competences = excluded.required_competences""",
                a.taskId(), text.write(a.sharingDirections()),
                text.write(a.requiredCompetences() == null ? List.of() : a.requiredCompetences()));
        return RecordsChanged.of(Kind.TASK, a.taskId());
    }

    /** The latest count of a profile replaces the one held (a profile is one unit, group and competence). */
    private void competenceProfile(CompetenceProfileRecorded c, Statements sql) {
        sql.update("""
                insert into competence_profile (profile_id, orgnr, organisation_unit, personnel_group, competence,
                  headcount, counted_on) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (profile_id) do update set orgnr = excluded.orgnr,
                  organisation_unit = excluded.organisation_unit, personnel_group = excluded.personnel_group,
                  competence = excluded.competence, headcount = excluded.headcount, counted_on = excluded.counted_on
                where competence_profile.counted_on is null or excluded.counted_on is null
                   or excluded.counted_on >= competence_profile.counted_on""",
                c.profileId(), c.orgnr(), c.organisationUnit(), c.personnelGroup(), c.competence(), c.headcount(),
                c.countedOn());
    }

    private RecordsChanged model(ModelPublished m, Statements sql) {
        sql.update("""
                insert into model_version (model_id, version, name, model_type, lifecycle, from_groups, to_groups,
                  task_ids, published_by, published_at, competence_requirements)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb)
                on conflict (model_id, version) do update set name = excluded.name, model_type = excluded.model_type,
                  lifecycle = coalesce(model_version.lifecycle, excluded.lifecycle), from_groups = excluded.from_groups,
                  to_groups = excluded.to_groups, task_ids = excluded.task_ids, published_by = excluded.published_by,
                  published_at = excluded.published_at, competence_requirements = excluded.competence_requirements""",
                m.modelId(), m.version(), m.name(), m.modelType(), m.lifecycle(), text.write(m.fromGroups()),
                text.write(m.toGroups()), text.write(m.taskIds()), m.publishedByOrgnr(), m.publishedAt(),
                text.write(m.requiredCompetences() == null ? List.of() : m.requiredCompetences()));
        return RecordsChanged.of(Kind.MODEL, m.modelId());
    }

    private RecordsChanged lifecycle(ModelLifecycleChanged c, Statements sql) {
        sql.update("""
                insert into model_version (model_id, version, lifecycle) values (?, ?, ?)
                on conflict (model_id, version) do update set lifecycle = excluded.lifecycle""",
                c.modelId(), c.version(), c.to());
        if ("PROVEN".equals(c.to())) {
            markProven(c.modelId(), c.version(), c.changedAt(), sql);
        }
        return RecordsChanged.of(Kind.MODEL, c.modelId());
    }

    private RecordsChanged proven(ModelProven p, Statements sql) {
        markProven(p.modelId(), p.modelVersion(), p.provenAt(), sql);
        sql.update("update model_version set proven_rule = ?, proven_evaluation_ids = ?::jsonb where model_id = ? and version = ?",
                p.evidenceRule(), text.write(p.evaluationIds()), p.modelId(), p.modelVersion());
        return RecordsChanged.of(Kind.MODEL, p.modelId());
    }

    /** Proven is reported on two topics (evidence and lifecycle); the earliest time wins, whichever arrives first. */
    private void markProven(java.util.UUID model, int version, java.time.Instant at, Statements sql) {
        sql.update("""
                insert into model_version (model_id, version, proven_at) values (?, ?, ?)
                on conflict (model_id, version) do update
                  set proven_at = least(coalesce(model_version.proven_at, excluded.proven_at), excluded.proven_at)""",
                model, version, at);
    }

    private RecordsChanged pilot(PilotRegistered p, Statements sql) {
        sql.update("""
                insert into pilot (pilot_id, title, owner_orgnr, status, partnership, priority_groups, settings,
                  from_groups, to_groups, task_ids, partner_orgnrs, model_id, model_version, derived_from, registered_at,
                  sources, contact_mailbox, details)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)
                on conflict (pilot_id) do update set title = excluded.title, owner_orgnr = excluded.owner_orgnr,
                  status = coalesce(pilot.status, excluded.status), partnership = excluded.partnership,
                  priority_groups = excluded.priority_groups, settings = excluded.settings,
                  from_groups = excluded.from_groups, to_groups = excluded.to_groups, task_ids = excluded.task_ids,
                  partner_orgnrs = excluded.partner_orgnrs, model_id = excluded.model_id,
                  model_version = excluded.model_version, derived_from = excluded.derived_from,
                  registered_at = excluded.registered_at, sources = excluded.sources,
                  contact_mailbox = excluded.contact_mailbox, details = excluded.details""",
                p.pilotId(), p.title(), p.ownerOrgnr(), p.status(), p.partnership(), text.write(p.priorityGroups()),
                text.write(p.settings()), text.write(p.fromGroups()), text.write(p.toGroups()), text.write(p.taskIds()),
                text.write(p.partnerOrgnrs()), p.modelId(), p.modelVersion(), p.derivedFromPilot(), p.registeredAt(),
                text.write(p.sources() == null ? List.of() : p.sources()), p.contactMailbox(),
                PilotCase.of(p).map(text::write).orElse(null));
        return RecordsChanged.of(Kind.PILOT, p.pilotId());
    }

    private RecordsChanged status(PilotStatusChanged s, Statements sql) {
        java.time.LocalDate date = s.date(); // null: the day is unknown (a record from a report), not today
        String dateColumn = switch (s.to()) {
            case "RUNNING" -> "started_on";
            case "COMPLETED" -> "completed_on";
            case "ABANDONED" -> "abandoned_on";
            default -> null;
        };
        sql.update("insert into pilot (pilot_id, owner_orgnr, status) values (?, ?, ?) "
                + "on conflict (pilot_id) do update set status = excluded.status", s.pilotId(), s.ownerOrgnr(), s.to());
        if (dateColumn != null && date != null) {
            String prefix = dateColumn.substring(0, dateColumn.length() - "_on".length());
            sql.update("update pilot set " + dateColumn + " = ?, " + prefix + "_precision = ?, " + prefix + "_source = ?"
                    + " where pilot_id = ?", date, s.datePrecision() == null ? "DAY" : s.datePrecision(), s.dateSource(),
                    s.pilotId());
        }
        if ("ABANDONED".equals(s.to())) {
            sql.update("update pilot set abandonment_reason = ? where pilot_id = ?", s.reason(), s.pilotId());
        }
        return RecordsChanged.of(Kind.PILOT, s.pilotId());
    }

    private RecordsChanged partner(PartnerAnswered a, Statements sql) {
        sql.update("""
                insert into pilot (pilot_id, partner_answers) values (?, jsonb_build_object(?::text, ?::text))
                on conflict (pilot_id) do update
                  set partner_answers = pilot.partner_answers || jsonb_build_object(?::text, ?::text)""",
                a.pilotId(), a.partnerOrgnr(), a.answer(), a.partnerOrgnr(), a.answer());
        return RecordsChanged.of(Kind.PILOT, a.pilotId());
    }

    private RecordsChanged overdue(PilotEvaluationOverdue o, Statements sql) {
        java.time.LocalDate on = o.detectedAt().atZone(java.time.ZoneId.of("Europe/Oslo")).toLocalDate();
        sql.update("""
                insert into pilot (pilot_id, owner_orgnr, completed_on, overdue_since) values (?, ?, ?, ?)
                on conflict (pilot_id) do update set overdue_since = coalesce(pilot.overdue_since, excluded.overdue_since),
                  completed_on = coalesce(pilot.completed_on, excluded.completed_on)""",
                o.pilotId(), o.ownerOrgnr(), o.completedOn(), on);
        return RecordsChanged.of(Kind.PILOT, o.pilotId());
    }

    private RecordsChanged drafted(EvaluationDrafted d, Statements sql) {
        sql.update("""
                insert into evaluation (evaluation_id, pilot_id, evaluator_orgnr, design, drafted_at)
                values (?, ?, ?, ?, ?)
                on conflict (evaluation_id) do update set pilot_id = excluded.pilot_id,
                  evaluator_orgnr = excluded.evaluator_orgnr, design = excluded.design, drafted_at = excluded.drafted_at""",
                d.evaluationId(), d.pilotId(), d.evaluatorOrgnr(), d.design(), d.draftedAt());
        return RecordsChanged.of(Kind.EVALUATION, d.evaluationId());
    }

    private RecordsChanged published(EvaluationPublished p, Statements sql) {
        sql.update("""
                insert into evaluation (evaluation_id, pilot_id, published_at, recommendation, evidence_level, model_id,
                  model_version, outcome_dimensions, freed_time, outcomes, report_published_on,
                  report_published_precision, report_published_source)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?)
                on conflict (evaluation_id) do update set published_at = excluded.published_at,
                  recommendation = excluded.recommendation, evidence_level = excluded.evidence_level,
                  model_id = excluded.model_id, model_version = excluded.model_version,
                  outcome_dimensions = excluded.outcome_dimensions, freed_time = excluded.freed_time,
                  outcomes = excluded.outcomes, report_published_on = excluded.report_published_on,
                  report_published_precision = excluded.report_published_precision,
                  report_published_source = excluded.report_published_source""",
                p.evaluationId(), p.pilotId(), p.publishedAt(), p.recommendation(), p.evidenceLevel(), p.modelId(),
                p.modelVersion(), text.write(p.outcomeDimensions() == null ? List.of() : p.outcomeDimensions()),
                text.write(p.freedTime() == null ? List.of() : p.freedTime()),
                text.write(p.outcomes() == null ? List.of() : p.outcomes()), p.reportPublishedOn(),
                p.reportPublishedPrecision(), p.reportPublishedSource());
        return RecordsChanged.of(Kind.EVALUATION, p.evaluationId());
    }

    private RecordsChanged adoption(AdoptionChanged a, Statements sql) {
        String at = switch (a.status()) {
            case "COMPLETED" -> "completed_at";
            case "ABANDONED" -> "abandoned_at";
            default -> "declared_at";
        };
        sql.update("""
                insert into adoption (adoption_id, model_id, model_version, adopter_orgnr, learned_from_pilot, status,
                  reason) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (adoption_id) do update set status = excluded.status,
                  reason = coalesce(excluded.reason, adoption.reason)""",
                a.adoptionId(), a.modelId(), a.modelVersion(), a.adopterOrgnr(), a.learnedFromPilot(), a.status(),
                a.reason());
        // when it happened, not when it was recorded: a curve of adoptions loaded in one day would be one dot
        java.time.Instant when = a.occurredOn() == null ? a.changedAt()
                : a.occurredOn().atStartOfDay(java.time.ZoneId.of("Europe/Oslo")).toInstant();
        String precision = at.replace("_at", "_precision");
        sql.update("update adoption set " + at + " = ?, " + precision + " = ? where adoption_id = ?", when,
                a.datePrecision() == null ? "DAY" : a.datePrecision(), a.adoptionId());
        return RecordsChanged.of(Kind.ADOPTION, a.adoptionId());
    }
}
