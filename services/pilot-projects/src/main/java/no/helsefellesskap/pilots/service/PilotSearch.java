package no.helsefellesskap.pilots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.pilots.domain.Pilot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The pilot list and its filters: fixed SQL fragments, each added when its filter is given, every value a bound
 * parameter; the rows are typed to the entity.
 */
@ApplicationScoped
public class PilotSearch {

    /** Filters of the pilot list; null means any. */
    public record Query(String ownerOrgnr, String partnership, Boolean noMunicipalPartner, UUID modelId, UUID task,
                        String group, String status, String priorityGroup, LocalDate from, LocalDate to) {
    }

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<Pilot> find(Query q) {
        StringBuilder sql = new StringBuilder("select * from pilot p where 1=1");
        List<Object> params = new ArrayList<>();
        if (q.ownerOrgnr() != null) {
            params.add(q.ownerOrgnr());
            sql.append(" and p.owner_orgnr = ?").append(params.size());
        }
        if (q.partnership() != null) {
            params.add(q.partnership());
            sql.append(" and p.partnership = ?").append(params.size());
        }
        if (Boolean.TRUE.equals(q.noMunicipalPartner())) {
            // no partner (other than a decliner) that is a municipality known to the suite
            sql.append(" and not exists (select 1 from pilot_partner pp join organisation_version o on o.orgnr = pp.orgnr"
                    + " and o.valid_to is null where pp.pilot_id = p.id and pp.answer <> 'DECLINED' and o.kind = 'MUNICIPALITY')");
        }
        if (q.modelId() != null) {
            params.add(q.modelId());
            sql.append(" and p.model_id = ?").append(params.size());
        }
        if (q.task() != null) {
            params.add(String.valueOf(q.task()));
            sql.append(" and (p.task_ids @> jsonb_build_array(cast(?").append(params.size()).append(" as text)) or exists (select 1 from known_model_version m"
                    + " where m.model_id = p.model_id and m.version = p.model_version and m.task_ids @> jsonb_build_array(cast(?").append(params.size()).append(" as text))))");
        }
        if (q.group() != null) {
            params.add(String.valueOf(q.group()));
            sql.append(" and (p.from_groups @> jsonb_build_array(cast(?").append(params.size()).append(" as text)) or p.to_groups @> jsonb_build_array(cast(?")
                    .append(params.size()).append(" as text)))");
        }
        if (q.status() != null) {
            params.add(q.status());
            sql.append(" and p.status = ?").append(params.size());
        }
        if (q.priorityGroup() != null) {
            params.add(String.valueOf(q.priorityGroup()));
            sql.append(" and p.priority_groups @> jsonb_build_array(cast(?").append(params.size()).append(" as text))");
        }
        if (q.from() != null) {
            params.add(q.from());
            sql.append(" and coalesce(p.ended_on, p.planned_end, date '9999-12-31') >= ?").append(params.size());
        }
        if (q.to() != null) {
            params.add(q.to());
            sql.append(" and coalesce(p.started_on, p.planned_start, date '0001-01-01') <= ?").append(params.size());
        }
        sql.append(" order by p.registered_at");
        var query = em.createNativeQuery(sql.toString(), Pilot.class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }
}
