package no.helsefellesskap.model;

import no.helsefellesskap.model.codes.CompetenceCatalogue;
import no.helsefellesskap.model.codes.CsvTable;
import no.helsefellesskap.model.codes.Kommunenummer;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.codes.OrganisationNumber;
import no.helsefellesskap.model.codes.PersonnelGroup;
import no.helsefellesskap.model.codes.PersonnelGroups;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodesTest {

    @Test
    void organisationNumberMod11() {
        // Worked example from DOMAIN.md §5: 12345678 -> check digit 5.
        assertEquals(5, OrganisationNumber.checkDigit("12345678"));
        assertTrue(OrganisationNumber.isValid("123456785"));
        assertFalse(OrganisationNumber.isValid("123456784"));
        // Akershus universitetssykehus HF (983971636) and Lørenskog kommune (974604167), public ENH numbers.
        assertTrue(OrganisationNumber.isValid("983971636"));
        assertTrue(OrganisationNumber.isValid("974604167"));
        assertFalse(OrganisationNumber.isValid("12345678"));
        assertFalse(OrganisationNumber.isValid("12345678a"));
        assertFalse(OrganisationNumber.isValid(null));
        // remainder 1 cannot produce a valid number: 00000006 -> sum 12, 12 % 11 = 1
        assertNull(OrganisationNumber.checkDigit("00000006"));
        // remainder 0 -> check digit 0
        assertEquals(0, OrganisationNumber.checkDigit("00000000"));
    }

    @Test
    void kommunenummerForm() {
        assertTrue(Kommunenummer.isValidFormat("0301"));
        assertTrue(Kommunenummer.isValidFormat("3222"));
        assertFalse(Kommunenummer.isValidFormat("301"));
        assertFalse(Kommunenummer.isValidFormat("03010"));
        assertFalse(Kommunenummer.isValidFormat("0012"));
        assertFalse(Kommunenummer.isValidFormat("03a1"));
        assertFalse(Kommunenummer.isValidFormat(null));
    }

    @Test
    void personnelGroupsLoadFromTheDataFile() {
        PersonnelGroups groups = PersonnelGroups.loadDefault();
        assertTrue(groups.version().startsWith("2026-"));
        PersonnelGroup nurse = groups.byCode("SP").orElseThrow();
        assertEquals("sykepleier", nurse.nameNb());
        assertEquals("2221", nurse.isco08());
        assertTrue(nurse.authorised());
        PersonnelGroup porter = groups.byCode("PORTOR").orElseThrow();
        assertNull(porter.hprCategory());
        assertFalse(porter.authorised());
        assertFalse(groups.isKnown("NOPE"));
        assertTrue(groups.all().stream().allMatch(g -> !g.source().isBlank()), "every row cites its source");
        assertEquals(java.util.List.of("SP"), groups.byCode("JO").orElseThrow().alsoAuthorisedAs(), "a midwife is also a nurse");
        assertTrue(groups.byCode("LE").orElseThrow().universityEducated());
        assertTrue(groups.byCode("APOTEKTEKNIKER").orElseThrow().authorised());
    }

    @Test
    void competencesAndSignOffSchemesLoadAndReferToEachOther() {
        CompetenceCatalogue c = CompetenceCatalogue.loadDefault();
        assertEquals(java.util.List.of("IDENTIFY_GAP", "THEORETICAL_AND_PRACTICAL_TRAINING", "DOCUMENTED_TEST"),
                c.scheme("ROYKEN").orElseThrow().steps());
        assertEquals("6-8", c.scheme("LOCAL_FULLMAKT").orElseThrow().repetitions());
        assertTrue(c.scheme("LOCAL_FULLMAKT").orElseThrow().validOnlyInIssuingUnit());
        assertEquals(3.5, c.scheme("COURSE_AND_SUPERVISED_PRACTICE").orElseThrow().courseHours());
        assertEquals(java.util.List.of("PHARMACIST_CHECKED_PREPARATION"), c.competence("IV_TILBEREDNING_BLANDEKORT").orElseThrow().closedBy());
        assertTrue(c.competences().stream().allMatch(x -> !x.source().isBlank()));
    }

    @Test
    void vocabularyListsLoad() {
        Vocabulary v = Vocabulary.loadDefault();
        assertTrue(v.contains(Vocabulary.TASK_CATEGORY, "CLINICAL_PROCEDURE"));
        assertTrue(v.contains(Vocabulary.SHARING_DIRECTION, "VERTICAL_DOWN"));
        assertEquals("vertikal nedover", v.nameNb(Vocabulary.SHARING_DIRECTION, "VERTICAL_DOWN"));
        assertEquals("vertical down", v.nameEn(Vocabulary.SHARING_DIRECTION, "VERTICAL_DOWN"));
        assertEquals("basic care", v.nameNb(Vocabulary.TASK_CATEGORY, "BASIC_CARE"), "no bokmål name: the English one");
        assertFalse(v.contains(Vocabulary.SETTING, "MOON_BASE"));
        assertEquals(4, v.codes(Vocabulary.FORMAL_HEALTH_COMPETENCE).size());
    }

    @Test
    void aMalformedDataFileIsRefused() {
        String bad = "# version: x\ncode,name\nA,b,c\n";
        assertThrows(IllegalStateException.class, () -> CsvTable.read("bad", new java.io.ByteArrayInputStream(bad.getBytes())));
    }
}
