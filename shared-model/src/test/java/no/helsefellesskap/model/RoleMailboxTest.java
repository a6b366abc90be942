package no.helsefellesskap.model;

import no.helsefellesskap.model.codes.RoleMailbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleMailboxTest {

    @ParameterizedTest
    @ValueSource(strings = {"postmottak@ahus.no", "Oppgavedeling@Helse-Bergen.no", " post@lorenskog.kommune.no ",
            "fag-utvikling@unn.no", "prosjekt.oppgavedeling2024@ous-hf.no", "kirurgi+pilot@sshf.no"})
    void roleMailboxesAreAccepted(String address) {
        assertTrue(RoleMailbox.problem(address).isEmpty(), address + ": " + RoleMailbox.problem(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kari.nordmann@ahus.no", "Ola.Nordmann@helse-bergen.no", "kari.m.nordmann@unn.no",
            "kari.berg.nordmann@ous-hf.no", "aase.oedegaard@sshf.no"})
    void addressesShapedLikeAPersonsAreRefused(String address) {
        assertTrue(RoleMailbox.problem(address).orElseThrow().contains("person"), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "postmottak", "@ahus.no", "a@b@ahus.no", "post mottak@ahus.no", "post@ahus",
            "\"quoted\"@ahus.no", "Postmottak <postmottak@ahus.no>", "post..mottak@ahus.no", ".post@ahus.no",
            "post@-ahus.no", "post@ahus.no\npost@ahus.no", "åse.ødegård@sshf.no"})
    void whatIsNotOnePlainAddressIsRefused(String address) {
        assertTrue(RoleMailbox.problem(address).isPresent(), "'" + address + "'");
    }

    @org.junit.jupiter.api.Test
    void overlongAddressesAreRefusedAndAddressesAreStoredTrimmedInLowerCase() {
        assertTrue(RoleMailbox.problem("p".repeat(65) + "@ahus.no").isPresent());
        assertTrue(RoleMailbox.problem("post@" + "a".repeat(250) + ".no").isPresent());
        assertEquals("postmottak@ahus.no", RoleMailbox.normal("  PostMottak@AHUS.no "));
    }
}
