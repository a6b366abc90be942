package no.helsefellesskap.spread.domain;

import java.util.List;

/**
 * What a feed item is about, as far as subscription filters ask: worked out from the read models when the event
 * arrives and stored with the item. Organisation numbers and codes only, never people.
 */
public record ItemAttributes(String type, List<String> partnerships, List<String> organisations,
                             List<String> kommunenummer, List<String> priorityGroups, List<String> personnelGroups,
                             List<String> taskCategories, List<String> models, String recommendation) {
}
