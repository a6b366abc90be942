package no.helsefellesskap.competence.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.competence.domain.CompetenceProfile;
import no.helsefellesskap.model.codes.DatePrecision;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.runtime.validation.CodeCheck;
import no.helsefellesskap.model.events.CompetenceProfileRecorded;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CompetenceProfileService {

    @Inject
    Outbox outbox;

    @Inject
    CodeCheck codes;

    @Transactional
    public CompetenceProfile record(String orgnr, String unit, String group, String competence, int headcount,
                                    LocalDate date, String precision) {
        codes.errors().group("personnelGroup", group).competence("competence", competence)
                .term(Vocabulary.DATE_PRECISION, "countedOnPrecision", precision).throwIfAny();
        LocalDate countedOn = DatePrecision.startOf(date, precision);
        if (CompetenceProfile.count("orgnr = ?1 and organisationUnit = ?2 and personnelGroup = ?3 and competence = ?4 and countedOn = ?5",
                orgnr, unit, group, competence, countedOn) > 0) {
            throw ProblemException.conflict("A count for this unit, group, competence and date exists already");
        }
        CompetenceProfile p = new CompetenceProfile();
        p.id = UUID.randomUUID();
        p.orgnr = orgnr;
        p.organisationUnit = unit;
        p.personnelGroup = group;
        p.competence = competence;
        p.headcount = headcount;
        p.countedOn = countedOn;
        p.countedOnPrecision = precision;
        p.persist();
        outbox.emit(EventTypes.COMPETENCE_PROFILE_RECORDED, p.id, new CompetenceProfileRecorded(p.id, orgnr, unit,
                group, competence, headcount, countedOn, precision));
        return p;
    }

    public List<CompetenceProfile> forOrganisation(String orgnr) {
        return CompetenceProfile.list("orgnr", orgnr);
    }
}
