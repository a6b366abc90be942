package no.helsefellesskap.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalDataGuardTest {

    @Test
    void findsNationalIdsAndPersonFields() {
        assertEquals(1, PersonalDataGuard.findings("{\"x\":\"01017012345\"}").size());
        assertEquals(1, PersonalDataGuard.findings("{\"hprNumber\": 1234567}").size());
        assertEquals(1, PersonalDataGuard.findings("{\"lastName\":\"Nordmann\"}").size());
        assertEquals(1, PersonalDataGuard.findings("{\"FNR\":\"x\"}").size());
    }

    @Test
    void leavesRoleLevelDataAlone() {
        assertTrue(PersonalDataGuard.findings("{\"orgnr\":\"983971636\",\"personnelGroup\":\"SP\",\"nameNb\":\"sykepleier\","
                + "\"headcount\":8,\"name\":\"Portører tar blodprøver\",\"id\":\"3f1e2d4c-0000-4000-8000-000000000000\"}").isEmpty());
        assertTrue(PersonalDataGuard.findings("1795448179305").isEmpty(), "13-digit epoch millis are not an id");
        assertTrue(PersonalDataGuard.findings("ce_id=2b7c1e6f-5d3a-4c2b-9f1e-a74673515817").isEmpty(), "digits inside a UUID");
    }
}
