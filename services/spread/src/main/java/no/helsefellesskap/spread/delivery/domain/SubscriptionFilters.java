package no.helsefellesskap.spread.delivery.domain;

import java.util.Collection;
import java.util.List;

/**
 * What a subscriber wants. An empty list means "any". Filters are combined with AND, the values of one filter with
 * OR; {@code kommunenummer} and {@code organisations} together are one place criterion (either may match). A
 * recommendation filter only lets through items that carry a recommendation (published evaluations).
 */
public record SubscriptionFilters(List<String> partnerships, List<String> kommunenummer, List<String> organisations,
                                  List<String> priorityGroups, List<String> personnelGroups,
                                  List<String> taskCategories, List<String> models, List<String> eventTypes,
                                  List<String> recommendations, Boolean includeSandbox) {

    /** No filter: every feed item. */
    public static final SubscriptionFilters ANY = new SubscriptionFilters(null, null, null, null, null, null, null, null,
            null, null);

    public SubscriptionFilters {
        partnerships = orEmpty(partnerships);
        kommunenummer = orEmpty(kommunenummer);
        organisations = orEmpty(organisations);
        priorityGroups = orEmpty(priorityGroups);
        personnelGroups = orEmpty(personnelGroups);
        taskCategories = orEmpty(taskCategories);
        models = orEmpty(models);
        eventTypes = orEmpty(eventTypes);
        recommendations = orEmpty(recommendations);
    }

    public boolean matches(ItemAttributes a) {
        boolean place = (kommunenummer.isEmpty() && organisations.isEmpty())
                || overlaps(kommunenummer, a.kommunenummer()) || overlaps(organisations, a.organisations());
        return place
                && any(partnerships, a.partnerships())
                && any(priorityGroups, a.priorityGroups())
                && any(personnelGroups, a.personnelGroups())
                && any(taskCategories, a.taskCategories())
                && any(models, a.models())
                && (eventTypes.isEmpty() || eventTypes.contains(a.type()))
                && (recommendations.isEmpty() || recommendations.contains(a.recommendation()));
    }

    /**
     * Items about test and probe (sandbox) organisations reach a subscription only when it asks for them
     * ({@code includeSandbox}) or when its owner takes part in the item.
     */
    public boolean admits(ItemAttributes a, String ownerOrgnr) {
        return !a.fromSandbox() || Boolean.TRUE.equals(includeSandbox)
                || a.organisations() != null && a.organisations().contains(ownerOrgnr);
    }

    private static boolean any(List<String> wanted, Collection<String> have) {
        return wanted.isEmpty() || overlaps(wanted, have);
    }

    private static boolean overlaps(List<String> wanted, Collection<String> have) {
        return have != null && have.stream().anyMatch(wanted::contains);
    }

    /** Keeps null elements, so validation can name them (List.copyOf would fail before it could). */
    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(l));
    }
}
