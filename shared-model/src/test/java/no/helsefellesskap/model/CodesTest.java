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
        // Akershus universitetssykehus HF (983971636) and Lørenskog kommune (842566142), public ENH numbers.
        assertTrue(OrganisationNumber.isValid("983971636"));
        assertTrue(OrganisationNumber.isValid("842566142"));
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

    /**
     * Every category of code list 9060 (HL7Norway/kodeverk no-kodeverk-9060.fsh, 36 codes, written out here as the
     * oracle) is a group with that code; the suite's own groups are marked and rest on the authorisation they need.
     */
    @Test
    void everyCategoryOfTheHealthPersonnelCodeListIsPresentWithItsCode() {
        java.util.Map<String, String> kodeverk9060 = new java.util.LinkedHashMap<>();
        for (String pair : ("AA ambulansearbeider,AT apotektekniker,AU audiograf,BI bioingeniør,ET ergoterapeut,"
                + "FA1 provisorfarmasøyt,FA2 reseptarfarmasøyt,FB fiskehelsebiolog,FO fotterapeut,FT fysioterapeut,"
                + "HE helsesekretær,HF helsefagarbeider,HP hjelpepleier,JO jordmor,KE klinisk ernæringsfysiolog,"
                + "KI kiropraktor,LE lege,MT manuellterapeut,NP naprapat,OA omsorgsarbeider,OI ortopediingeniør,"
                + "OP optiker,OR ortoptist,OS osteopat,PE perfusjonist,PM paramedisiner,PS psykolog,RA radiograf,"
                + "SP sykepleier,TH tannhelsesekretær,TL tannlege,TP tannpleier,TT tanntekniker,VE veterinær,"
                + "VP vernepleier,XX ukjent/uspesifisert").split(",")) {
            kodeverk9060.put(pair.substring(0, pair.indexOf(' ')), pair.substring(pair.indexOf(' ') + 1));
        }
        PersonnelGroups groups = PersonnelGroups.loadDefault();
        java.util.Map<String, PersonnelGroup> byCategory = new java.util.HashMap<>();
        groups.all().stream().filter(g -> g.hprCategory() != null).forEach(g -> byCategory.put(g.hprCategory(), g));
        assertEquals(kodeverk9060.keySet(), byCategory.keySet());
        kodeverk9060.forEach((code, name) -> {
            assertEquals(name, byCategory.get(code).nameNb(), code);
            assertEquals(PersonnelGroup.HPR_CATEGORY, byCategory.get(code).kind(), code);
        });
        assertEquals("BI", groups.byCode("BIOINGENIOR").orElseThrow().hprCategory());
        assertEquals("AT", groups.byCode("APOTEKTEKNIKER").orElseThrow().hprCategory());
        assertEquals("HE", groups.byCode("HELSESEKRETAER").orElseThrow().hprCategory());
        // 33 professions in helsepersonelloven § 48; veterinarians and fish health biologists under their own act
        assertEquals(33, groups.all().stream().filter(g -> g.hprCategory() != null && g.authorised()).count());
        assertEquals("ANIMAL_HEALTH", groups.byCode("VE").orElseThrow().authorisation());
        for (String suite : java.util.List.of("SPESIALSYKEPLEIER", "KLINISK_FARMASOYT", "PORTOR", "FORSYNINGSPORTOR",
                "ASSISTENT", "ERFARINGSKONSULENT")) {
            PersonnelGroup g = groups.byCode(suite).orElseThrow();
            assertEquals(PersonnelGroup.SUITE_GROUP, g.kind(), suite);
            assertFalse(g.authorised(), suite + " is not an authorised category of its own");
        }
        assertEquals(java.util.List.of("SP"), groups.byCode("SPESIALSYKEPLEIER").orElseThrow().restsOn());
        assertEquals(java.util.List.of("FA1", "FA2"), groups.byCode("KLINISK_FARMASOYT").orElseThrow().restsOn());
        assertEquals("2223", groups.byCode("SP").orElseThrow().styrk08(), "STYRK-08 sykepleiere, not ISCO 2221");
        assertTrue(groups.all().stream().allMatch(g -> g.escoUri() == null
                || g.escoUri().startsWith("http://data.europa.eu/esco/occupation/")));
        assertTrue(groups.all().stream().allMatch(g -> g.isco08() == null || g.isco08().matches("[0-9]{4}")));
    }

    @Test
    void klinObsKommuneIsASignOffScheme() {
        assertEquals(java.util.List.of("ABCDE", "NEWS", "ISBAR"),
                CompetenceCatalogue.loadDefault().scheme("KLINOBSKOMMUNE").orElseThrow().steps());
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
        for (String bad : java.util.List.of("# version: x\ncode,name\nA,b,c\n", "# version: x\ncode,name\nA\n",
                "code,name\nA,b\n", "# version: x\n")) {
            assertThrows(IllegalStateException.class, () -> CsvTable.read("bad",
                    new java.io.ByteArrayInputStream(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8))), bad);
        }
    }

    /** RFC 4180: a quoted field holds commas, doubled quotes and line breaks (the old line-based reader split them). */
    @Test
    void aQuotedFieldMayHoldCommasQuotesAndLineBreaks() {
        String text = "# a comment\n# version: 7\ncode,source\nA,\"seeds/000 L1-2, L5\"\n\n"
                + "B,\"first line\nsecond line with \"\"quotes\"\"\"\n# a comment between rows\nC,\n";
        CsvTable t = CsvTable.read("t", new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("7", t.version());
        assertEquals(java.util.List.of("code", "source"), t.columns());
        assertEquals(3, t.rows().size());
        assertEquals("seeds/000 L1-2, L5", t.rows().get(0).get("source"));
        assertEquals("first line\nsecond line with \"quotes\"", t.rows().get(1).get("source"));
        assertNull(CsvTable.opt(t.rows().get(2), "source"));
    }
}
