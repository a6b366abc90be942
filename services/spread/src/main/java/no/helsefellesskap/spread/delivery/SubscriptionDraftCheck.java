package no.helsefellesskap.spread.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.codes.Kommunenummer;
import no.helsefellesskap.model.codes.OrganisationNumber;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.validation.CodeCheck;
import no.helsefellesskap.spread.delivery.domain.SubscriptionFilters;
import no.helsefellesskap.spread.delivery.webhook.WebhookDispatcher;

import java.util.List;
import java.util.UUID;

/**
 * What a subscription may store, checked before anything is written: every refused value is named with its field
 * ({@code filters.kommunenummer[3]}), and nothing stored can later break the fan-out that reads it for everyone.
 */
@ApplicationScoped
public class SubscriptionDraftCheck {

    /** Values per filter: enough for every municipality in a country, few enough to match quickly. */
    static final int MAX_FILTER_VALUES = 1000;

    @Inject
    CodeCheck codes;

    @Inject
    Db db;

    @Inject
    WebhookDispatcher dispatcher;

    void validate(SubscriptionService.Draft d) {
        CodeCheck.Errors e = codes.errors();
        if (d.name() == null || d.name().isBlank()) {
            e.add("name", "is required");
        } else if (d.name().length() > 200) {
            e.add("name", "is longer than 200 characters");
        }
        String url = SubscriptionService.blankToNull(d.webhookUrl());
        if (url != null) {
            if (url.length() > 2000) {
                e.add("webhookUrl", "is longer than 2000 characters");
            } else {
                dispatcher.policy().refusal(url).ifPresent(why -> e.add("webhookUrl", why));
            }
        }
        SubscriptionFilters f = d.filters();
        List<String> known = db.list("select code from partnership", rs -> rs.getString(1));
        each(f.partnerships(), "filters.partnerships", e, v -> known.contains(v) ? null : "unknown partnership '" + v
                + "'");
        each(f.kommunenummer(), "filters.kommunenummer", e,
                v -> Kommunenummer.isValidFormat(v) ? null : "'" + v + "' is not a four-digit kommunenummer");
        each(f.organisations(), "filters.organisations", e,
                v -> OrganisationNumber.isValid(v) ? null : "'" + v + "' is not a valid organisation number");
        if (size("filters.priorityGroups", f.priorityGroups(), e)) {
            e.terms(Vocabulary.PRIORITY_GROUP, "filters.priorityGroups", f.priorityGroups());
        }
        if (size("filters.personnelGroups", f.personnelGroups(), e)) {
            e.groups("filters.personnelGroups", f.personnelGroups());
        }
        if (size("filters.taskCategories", f.taskCategories(), e)) {
            e.terms(Vocabulary.TASK_CATEGORY, "filters.taskCategories", f.taskCategories());
        }
        each(f.models(), "filters.models", e, v -> isUuid(v) ? null : "'" + v + "' is not a model id (UUID)");
        each(f.eventTypes(), "filters.eventTypes", e, v -> FeedService.isFeedType(v) ? null
                : "'" + v + "' is not a feed event type " + FeedService.FEED_TYPES.stream().map(EventType::type).toList());
        if (size("filters.recommendations", f.recommendations(), e)) {
            e.terms(Vocabulary.RECOMMENDATION, "filters.recommendations", f.recommendations());
        }
        e.throwIfAny();
    }

    private static void each(List<String> values, String field, CodeCheck.Errors e,
                             java.util.function.Function<String, String> problem) {
        if (!size(field, values, e)) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String why = values.get(i) == null ? "must not be null" : problem.apply(values.get(i));
            if (why != null) {
                e.add(field + "[" + i + "]", why);
            }
        }
    }

    private static boolean size(String field, List<String> values, CodeCheck.Errors e) {
        if (values.size() > MAX_FILTER_VALUES) {
            e.add(field, "has more than " + MAX_FILTER_VALUES + " values");
            return false;
        }
        return true;
    }

    private static boolean isUuid(String v) {
        try {
            UUID.fromString(v);
            return v.length() == 36;
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
