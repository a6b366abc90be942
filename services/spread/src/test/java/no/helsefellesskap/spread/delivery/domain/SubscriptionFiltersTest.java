package no.helsefellesskap.spread.delivery.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's filter rules on plain values (no service): AND across filters, OR within one, one place criterion. */
class SubscriptionFiltersTest {

    static final String REGISTERED = "no.helsefellesskap.pilot-projects.pilot.registered.v1";
    static final String PUBLISHED = "no.helsefellesskap.evaluations.evaluation.published.v1";

    static ItemAttributes item(String type, String partnership, String orgnr, String kommunenummer, String group,
                               String recommendation, boolean sandbox) {
        return new ItemAttributes(type, List.of(partnership), List.of(orgnr), List.of(kommunenummer),
                List.of("FRAIL_ELDERLY"), List.of(group), List.of("MEDICATION_MANAGEMENT"), List.of("m1"), recommendation,
                sandbox);
    }

    static SubscriptionFilters filters(List<String> partnerships, List<String> kommunenummer, List<String> organisations,
                                       List<String> groups, List<String> types, List<String> recommendations) {
        return new SubscriptionFilters(partnerships, kommunenummer, organisations, null, groups, null, null, types,
                recommendations, null);
    }

    @Test
    void emptyOrMissingFiltersMatchEverything() {
        ItemAttributes a = item(REGISTERED, "HFS-AHUS", "842566142", "3222", "SP", null, false);
        assertTrue(SubscriptionFilters.ANY.matches(a));
        assertTrue(filters(List.of(), null, List.of(), null, List.of(), null).matches(a));
    }

    @Test
    void valuesOfOneFilterAreOrAndFiltersAreAnd() {
        ItemAttributes a = item(REGISTERED, "HFS-AHUS", "842566142", "3222", "SP", null, false);
        assertTrue(filters(List.of("HFS-OSLO", "HFS-AHUS"), null, null, null, null, null).matches(a));
        assertFalse(filters(List.of("HFS-OSLO"), null, null, null, null, null).matches(a));
        assertTrue(filters(List.of("HFS-AHUS"), null, null, List.of("SP"), null, null).matches(a));
        assertFalse(filters(List.of("HFS-AHUS"), null, null, List.of("LE"), null, null).matches(a));
        assertFalse(filters(null, null, null, null, List.of(PUBLISHED), null).matches(a));
    }

    @Test
    void kommunenummerAndOrganisationsAreOnePlaceCriterion() {
        ItemAttributes a = item(REGISTERED, "HFS-AHUS", "842566142", "3222", "SP", null, false);
        assertTrue(filters(null, List.of("3222"), List.of("983971636"), null, null, null).matches(a), "either place");
        assertTrue(filters(null, List.of("0301"), List.of("842566142"), null, null, null).matches(a), "either place");
        assertFalse(filters(null, List.of("0301"), List.of("983971636"), null, null, null).matches(a));
    }

    @Test
    void aRecommendationFilterLetsOnlyItemsWithThatRecommendationThrough() {
        SubscriptionFilters spread = filters(null, null, null, null, null, List.of("SPREAD"));
        assertTrue(spread.matches(item(PUBLISHED, "HFS-AHUS", "842566142", "3222", "SP", "SPREAD", false)));
        assertFalse(spread.matches(item(PUBLISHED, "HFS-AHUS", "842566142", "3222", "SP", "STOP", false)));
        assertFalse(spread.matches(item(REGISTERED, "HFS-AHUS", "842566142", "3222", "SP", null, false)));
    }

    @Test
    void sandboxItemsReachOnlySubscriptionsThatAskOrTheirOwnOrganisation() {
        ItemAttributes probe = item(REGISTERED, "HFS-AHUS", "199000004", "3222", "SP", null, true);
        SubscriptionFilters plain = SubscriptionFilters.ANY;
        SubscriptionFilters asks = new SubscriptionFilters(null, null, null, null, null, null, null, null, null, true);
        assertFalse(plain.admits(probe, "842566142"));
        assertTrue(asks.admits(probe, "842566142"));
        assertTrue(plain.admits(probe, "199000004"), "the sandbox organisation's own subscription");
        assertTrue(plain.admits(item(REGISTERED, "HFS-AHUS", "842566142", "3222", "SP", null, false), "983971636"));
    }
}
