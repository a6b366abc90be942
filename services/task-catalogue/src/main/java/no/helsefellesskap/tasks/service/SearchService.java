package no.helsefellesskap.tasks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.tasks.domain.ModelVersion;
import no.helsefellesskap.tasks.domain.Task;

import java.util.List;

/** Full-text search over task and model names and descriptions (Norwegian stemming, plus English names). */
@ApplicationScoped
public class SearchService {

    public record Hits(List<Task> tasks, List<ModelVersion> models) {
    }

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public Hits search(String q) {
        String tsQuery = "(websearch_to_tsquery('norwegian', ?1) || websearch_to_tsquery('english', ?1))";
        List<Task> tasks = em.createNativeQuery("select * from task where search @@ " + tsQuery
                        + " order by ts_rank(search, " + tsQuery + ") desc, name_nb limit 50", Task.class)
                .setParameter(1, q).getResultList();
        List<ModelVersion> models = em.createNativeQuery("""
                        select m.* from model_version m
                         where m.version = (select max(v.version) from model_version v where v.model_id = m.model_id)
                           and m.search @@ %s
                         order by ts_rank(m.search, %s) desc, m.name limit 50""".formatted(tsQuery, tsQuery), ModelVersion.class)
                .setParameter(1, q).getResultList();
        return new Hits(tasks, models);
    }
}
