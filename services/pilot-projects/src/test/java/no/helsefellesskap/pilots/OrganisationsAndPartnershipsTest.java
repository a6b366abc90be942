package no.helsefellesskap.pilots;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.pilots.service.ReferenceDataLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static no.helsefellesskap.pilots.Api.AHUS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class OrganisationsAndPartnershipsTest {

    static final String RAKKESTAD_TEST_ORGNR = "123456793"; // test value given to Rakkestad in this test only

    @Inject
    ReferenceDataLoader organisations;

    @Test
    void theNineteenPartnershipsAreLoadedWithTrustsGovernanceAndPriorityGroups() {
        Api.get("/api/partnerships").statusCode(200).body("$", hasSize(19));
        Api.get("/api/partnerships/HFS-OSLO").body("hospitalTrusts", equalTo(java.util.List.of("HF-OUS", "HF-AHUS", "LOVISENBERG",
                        "DIAKONHJEMMET")))
                .body("priorityGroups", hasSize(4)).body("governanceBodies", hasSize(3))
                .body("governanceBodies[0].meetingsPerYear", equalTo(1))
                .body("members.organisation", hasItem("KOMMUNE-OSLO"));
        Api.get("/api/partnerships/HFS-INNLANDET").body("municipalityCount", equalTo(42));
        Api.get("/api/partnerships/HFS-BERGEN").body("municipalityCount", equalTo(18))
                .body("hospitalTrusts", hasItem("HARALDSPLASS"));
        var e = TopicReader.read(EventTypes.TOPIC_PARTNERSHIPS, x -> "HFS-OSLO".equals(x.key()), 1, Duration.ofSeconds(30));
        assertEquals(EventTypes.PARTNERSHIP_CHANGED.type(), TopicReader.header(e.get(0), "ce_type"));
        assertEquals("/pilot-projects", TopicReader.header(e.get(0), "ce_source"));
    }

    /**
     * The whole country is known at start: every municipality with its number, Sami name, county and history, and a
     * municipality's own token registers a pilot with no administrator adding it first.
     */
    @Test
    void everyMunicipalityIsKnownWithItsHistoryAndMayRegisterAPilotAtOnce() {
        Api.get("/api/organisations?kind=MUNICIPALITY").statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(357))
                .body("find { it.code == 'KOMMUNE-KARASJOK' }.nameOther", equalTo("Kárášjohka"))
                .body("find { it.code == 'KOMMUNE-KARASJOK' }.kommunenummer", equalTo("5610"))
                .body("find { it.code == 'KOMMUNE-KARASJOK' }.county", equalTo("56"));
        Api.get("/api/organisations/KOMMUNE-LORENSKOG").statusCode(200)
                .body("current.kommunenummer", equalTo("3222")).body("current.orgnr", equalTo("842566142"))
                .body("history.kommunenummer", hasItem("3029"));
        var e = TopicReader.read(EventTypes.TOPIC_ORGANISATIONS, x -> "KOMMUNE-LORENSKOG".equals(x.key())
                && x.value().contains("\"3029\""), 1, Duration.ofSeconds(30));
        assertEquals("2024-01-01", JsonPath.from(e.get(0).value()).getString("validTo"));
        String tromso = "940101808"; // Tromsø kommune, municipalities.v1.csv
        String id = Api.pilot(tromso, "");
        Api.get("/api/pilots/" + id).statusCode(200).body("ownerOrgnr", equalTo(tromso));
    }

    /**
     * The next version of a reference file (a municipal reform) applies as dated changes with events, keeps history,
     * and an older file loaded again cannot reopen what the newer one ended. A version dated in the future waits.
     */
    @Test
    void aNewFileVersionAppliesAsDatedChangesWithoutLosingHistory() {
        String a = "/test-reference/municipalities.reform-a.csv";
        String b = "/test-reference/municipalities.reform-b.csv";
        organisations.load(ReferenceDataLoader.ORGANISATIONS, a, ReferenceDataLoader.PARTNERSHIPS,
                ReferenceDataLoader.MEMBERSHIPS);
        // the first version ends (a correction of it) and the renumbered one starts; the future one is stored
        assertEquals(3, organisations.load(ReferenceDataLoader.ORGANISATIONS, b, ReferenceDataLoader.PARTNERSHIPS,
                ReferenceDataLoader.MEMBERSHIPS));
        Api.get("/api/organisations/KOMMUNE-REFORMTEST").statusCode(200)
                .body("current.kommunenummer", equalTo("5999")).body("current.nameOther", equalTo("Reformtesta"))
                .body("history.kommunenummer", equalTo(java.util.List.of("5998", "5999")))
                .body("history[0].validTo", equalTo("2025-01-01"));
        var e = TopicReader.read(EventTypes.TOPIC_ORGANISATIONS, x -> "KOMMUNE-REFORMTEST".equals(x.key())
                && x.value().contains("\"5999\""), 1, Duration.ofSeconds(30));
        assertEquals("2025-01-01", JsonPath.from(e.get(0).value()).getString("validFrom"));
        // the older file again: nothing reopens, nothing is emitted
        assertEquals(0, organisations.load(ReferenceDataLoader.ORGANISATIONS, a, ReferenceDataLoader.PARTNERSHIPS,
                ReferenceDataLoader.MEMBERSHIPS));
        Api.get("/api/organisations/KOMMUNE-REFORMTEST").body("current.kommunenummer", equalTo("5999"));
        // not yet in force: not listed, and its number cannot own pilots yet
        Api.get("/api/organisations?kind=MUNICIPALITY").body("code", org.hamcrest.Matchers.not(hasItem(
                "KOMMUNE-REFORMTEST-FUTURE")));
        assertEquals(0, organisations.load(ReferenceDataLoader.ORGANISATIONS, b, ReferenceDataLoader.PARTNERSHIPS,
                ReferenceDataLoader.MEMBERSHIPS));
    }

    @Test
    void loadingTheReferenceFilesAgainEmitsNothing() {
        assertEquals(0, organisations.load(ReferenceDataLoader.ORGANISATIONS, ReferenceDataLoader.MUNICIPALITIES,
                ReferenceDataLoader.PARTNERSHIPS, ReferenceDataLoader.MEMBERSHIPS));
    }

    @Test
    void aProgrammeAdministratorRegistersAnOrganisationThatMayThenOwnPilots() {
        String body = """
                {"code":"HARALDSPLASS-TEST","kind":"PRIVATE_NONPROFIT_HOSPITAL","name":"Haraldsplass (test)",
                 "orgnr":"192837464","source":"seeds/002 L2400-2460"}""";
        Api.post("/api/organisations", body, AHUS, "registrar").statusCode(403);
        Api.post("/api/organisations", body.replace("PRIVATE_NONPROFIT_HOSPITAL", "CASTLE"), null, "programme-admin")
                .statusCode(422).body("errors.field", hasItem("kind"));
        Api.post("/api/organisations", body.replace("\"source\":\"seeds/002 L2400-2460\"", "\"source\":\"\""), null,
                "programme-admin").statusCode(400);
        Api.post("/api/organisations", body, null, "programme-admin").statusCode(201)
                .body("current.kind", org.hamcrest.Matchers.equalTo("PRIVATE_NONPROFIT_HOSPITAL"))
                .body("current.source", org.hamcrest.Matchers.equalTo("seeds/002 L2400-2460"));
        Api.post("/api/organisations", body, null, "programme-admin").statusCode(409);
        Api.get("/api/organisations").statusCode(200).body("code", hasItem("HARALDSPLASS-TEST"));
        Api.get("/api/organisations?kind=PRIVATE_NONPROFIT_HOSPITAL").statusCode(200)
                .body("kind", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("PRIVATE_NONPROFIT_HOSPITAL")));
        // a private non-profit hospital provides services: it may own a pilot
        Api.pilot("192837464", "");
        Api.get("/api/organisations/HARALDSPLASS-TEST").body("current.sandbox", org.hamcrest.Matchers.equalTo(false));
    }

    /** A test or probe organisation is marked, and its events say so (spread leaves its records out of the figures). */
    @Test
    void aSandboxOrganisationIsMarkedOnItsRecordAndItsEvents() {
        String code = "LASTTEST-" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.post("/api/organisations", """
                {"code":"%s","kind":"CONSULTANCY","name":"Lasttest","source":"bench","sandbox":true}""".formatted(code),
                null, "programme-admin").statusCode(201).body("current.sandbox", org.hamcrest.Matchers.equalTo(true));
        var events = TopicReader.read(EventTypes.TOPIC_ORGANISATIONS, x -> code.equals(x.key()), 1, java.time.Duration.ofSeconds(30));
        assertEquals(true, io.restassured.path.json.JsonPath.from(events.get(0).value()).getBoolean("sandbox"));
    }

    @Test
    void organisationNumbersAreValidatedWhenAnOrganisationChanges() {
        String path = "/api/organisations/KOMMUNE-BODO";
        Api.put(path, "{\"name\":\"Bodø kommune\",\"orgnr\":\"123456784\",\"validFrom\":\"2026-01-01\"}", AHUS, "programme-admin")
                .statusCode(400).body("errors.field", hasItem("orgnr"));                              // wrong check digit
        Api.put(path, "{\"name\":\"Bodø kommune\",\"orgnr\":\"000000060\",\"validFrom\":\"2026-01-01\"}", AHUS, "programme-admin")
                .statusCode(400).body("errors.field", hasItem("orgnr"));                              // remainder 1
        Api.put(path, "{\"name\":\"Bodø kommune\",\"orgnr\":\"123456785\",\"validFrom\":\"2026-01-01\"}", AHUS, "registrar")
                .statusCode(403);                                                                      // not an administrator
        Api.put(path, "{\"name\":\"Bodø kommune\",\"orgnr\":\"123456785\",\"validFrom\":\"2026-01-01\"}", AHUS, "programme-admin")
                .statusCode(200).body("current.orgnr", equalTo("123456785")).body("history", hasSize(2))
                .body("history[0].validTo", equalTo("2026-01-01"));
        var e = TopicReader.read(EventTypes.TOPIC_ORGANISATIONS, x -> "KOMMUNE-BODO".equals(x.key())
                && x.value().contains("123456785"), 1, Duration.ofSeconds(30));
        assertEquals(EventTypes.ORGANISATION_CHANGED.type(), TopicReader.header(e.get(0), "ce_type"));
        assertEquals("2026-01-01", JsonPath.from(e.get(0).value()).getString("validFrom"));
    }

    @Test
    void aMembershipChangeOnDateDKeepsPilotsStartedBeforeDInTheOldPartnership() {
        Api.put("/api/organisations/KOMMUNE-RAKKESTAD", "{\"name\":\"Rakkestad kommune\",\"orgnr\":\"" + RAKKESTAD_TEST_ORGNR
                + "\",\"validFrom\":\"2026-01-01\"}", AHUS, "programme-admin").statusCode(200);
        String before = Api.pilot(RAKKESTAD_TEST_ORGNR, "");
        Api.post("/api/pilots/" + before + "/start", "{\"date\":\"2029-06-01\"}", RAKKESTAD_TEST_ORGNR).statusCode(200)
                .body("partnership", equalTo("HFS-OSTFOLD"));

        Api.post("/api/partnerships/HFS-AHUS/members", "{\"organisation\":\"KOMMUNE-RAKKESTAD\",\"role\":\"MUNICIPALITY\",\"validFrom\":\"2030-01-01\"}",
                AHUS, "registrar").statusCode(403);
        Api.post("/api/partnerships/HFS-AHUS/members", "{\"organisation\":\"KOMMUNE-RAKKESTAD\",\"role\":\"MUNICIPALITY\",\"validFrom\":\"2030-01-01\"}",
                AHUS, "programme-admin").statusCode(200).body("members.organisation", hasItem("KOMMUNE-RAKKESTAD"));

        String after = Api.pilot(RAKKESTAD_TEST_ORGNR, "");
        Api.post("/api/pilots/" + after + "/start", "{\"date\":\"2030-02-01\"}", RAKKESTAD_TEST_ORGNR).statusCode(200)
                .body("partnership", equalTo("HFS-AHUS"));
        Api.get("/api/pilots/" + before).body("partnership", equalTo("HFS-OSTFOLD"));
        Api.get("/api/pilots?partnership=HFS-OSTFOLD").body("id", hasItem(before));

        var ostfold = TopicReader.read(EventTypes.TOPIC_PARTNERSHIPS, x -> "HFS-OSTFOLD".equals(x.key())
                && x.value().contains("2030-01-01"), 1, Duration.ofSeconds(30));
        assertEquals(1, ostfold.size(), "the old partnership announces the membership's end");
    }
}
