package no.helsefellesskap.runtime.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.codes.CompetenceCatalogue;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.runtime.problem.Problem;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks codes against the reference data and collects every unknown one, so a request is rejected once with a
 * 422 problem naming each bad field (e.g. {@code candidateGroups[1].group}).
 */
@ApplicationScoped
public class CodeCheck {

    @Inject
    PersonnelGroups groups;

    @Inject
    CompetenceCatalogue competences;

    @Inject
    Vocabulary vocabulary;

    public Errors errors() {
        return new Errors();
    }

    public final class Errors {
        private final List<Problem.FieldError> list = new ArrayList<>();

        public Errors group(String field, String code) {
            if (code != null && !groups.isKnown(code)) {
                add(field, "unknown personnel group '" + code + "'");
            }
            return this;
        }

        public Errors groups(String field, List<String> codes) {
            for (int i = 0; codes != null && i < codes.size(); i++) {
                if (codes.get(i) == null) {
                    add(field + "[" + i + "]", "must not be null");
                }
                group(field + "[" + i + "]", codes.get(i));
            }
            return this;
        }

        public Errors competence(String field, String code) {
            if (code != null && competences.competence(code).isEmpty()) {
                add(field, "unknown competence '" + code + "'");
            }
            return this;
        }

        public Errors signOffScheme(String field, String code) {
            if (code != null && competences.scheme(code).isEmpty()) {
                add(field, "unknown sign-off scheme '" + code + "'");
            }
            return this;
        }

        public Errors term(String list, String field, String code) {
            if (code != null && !vocabulary.contains(list, code)) {
                add(field, "'" + code + "' is not in the " + list + " list " + vocabulary.codes(list));
            }
            return this;
        }

        public Errors terms(String list, String field, List<String> codes) {
            for (int i = 0; codes != null && i < codes.size(); i++) {
                if (codes.get(i) == null) {
                    add(field + "[" + i + "]", "must not be null");
                }
                term(list, field + "[" + i + "]", codes.get(i));
            }
            return this;
        }

        public Errors add(String field, String message) {
            list.add(new Problem.FieldError(field, message));
            return this;
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        /** 422 naming every collected field, if any. */
        public void throwIfAny() {
            if (!list.isEmpty()) {
                throw new ProblemException(Problem.of(422, "validation", "Invalid input",
                        list.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                        List.copyOf(list)));
            }
        }
    }
}
