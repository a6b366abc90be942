package no.helsefellesskap.spread.delivery.domain;

import java.util.List;

/**
 * What a feed item is about, as far as subscription filters ask: worked out from the read models when the event
 * arrives and stored with the item. Organisation numbers and codes only, never people. {@code sandbox}: the pilot's
 * owner, or the adopter, is a test or probe organisation (null in items stored before it was recorded).
 */
public record ItemAttributes(String type, List<String> partnerships, List<String> organisations,
                             List<String> kommunenummer, List<String> priorityGroups, List<String> personnelGroups,
                             List<String> taskCategories, List<String> models, String recommendation, Boolean sandbox) {

    /** Whether the item is about a test or probe (sandbox) organisation's pilot, evaluation or adoption. */
    public boolean fromSandbox() {
        return Boolean.TRUE.equals(sandbox);
    }
}
