package no.helsefellesskap.model;

import no.helsefellesskap.model.codes.Kommunenummer;
import no.helsefellesskap.model.codes.OrganisationNumber;
import no.helsefellesskap.model.codes.PersonnelGroup;
import no.helsefellesskap.model.codes.PersonnelGroups;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    }
}
