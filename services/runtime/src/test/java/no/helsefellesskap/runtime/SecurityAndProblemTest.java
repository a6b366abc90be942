package no.helsefellesskap.runtime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bearer tokens, organisation scoping and RFC 9457 errors, as every service gets them from the runtime. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class SecurityAndProblemTest {

    static final String AHUS = "983971636";
    static final String OTHER = "842566142";
    static final String BODY = "{\"title\":\"porters take blood samples\",\"ownerOrgnr\":\"" + AHUS + "\"}";

    @Inject
    EntityManager em;

    @Inject
    no.helsefellesskap.runtime.security.VerifiedTokens verifiedTokens;

    @Test
    void noTokenIs401ProblemJson() {
        given().contentType(ContentType.JSON).body(BODY)
                .when().post("/api/widgets")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Authentication required"))
                .body("instance", equalTo("/api/widgets"));
    }

    @Test
    void expiredTokenIs401ProblemJson() {
        given().header("Authorization", "Bearer " + TestTokens.expired(AHUS, "registrar"))
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/widgets")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    /**
     * A verified token is held until it expires (no second signature check per request), and not a moment longer:
     * the same token is accepted again and refused once past its expiry; a token differing in one character is not.
     */
    @Test
    void aHeldTokenIsRefusedOnceExpiredAndAnAlteredOneIsVerifiedAgain() {
        String token = TestTokens.expiringAt(java.time.Instant.now().plusSeconds(3), AHUS, "registrar");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(BODY)
                    .when().post("/api/widgets").then().statusCode(201);
            org.junit.jupiter.api.Assertions.assertTrue(verifiedTokens.holds(token), "held after request " + i);
        }
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "B" : "A")
                + token.charAt(token.length() - 1);
        given().header("Authorization", "Bearer " + altered).contentType(ContentType.JSON).body(BODY)
                .when().post("/api/widgets").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertFalse(verifiedTokens.holds(altered));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(250)).untilAsserted(() ->
                        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(BODY)
                                .when().post("/api/widgets").then().statusCode(401)
                                .contentType("application/problem+json"));
    }

    @Test
    void tokenSignedByAnotherKeyIs401ProblemJson() {
        given().header("Authorization", "Bearer " + TestTokens.forged(AHUS, "registrar"))
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/widgets")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    /** Found by an outside test: a token the same issuer gave for another API was accepted. */
    @Test
    void tokenForAnotherAudienceOrNoneIs401() {
        for (String token : new String[] {TestTokens.forAudience("another-api", AHUS, "registrar"),
                TestTokens.forAudience(null, AHUS, "registrar")}) {
            given().header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON).body(BODY)
                    .when().post("/api/widgets")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    /** Found by an outside test: API answers could be cached, and nothing stopped sniffing or framing. */
    @Test
    void answersAreNotCachedSniffedOrFramed() {
        for (var r : new io.restassured.response.Response[] {
                given().header("Authorization", "Bearer " + TestTokens.token(AHUS, "registrar")).get("/api/widgets"),
                given().get("/api/widgets")}) {
            r.then().header("Cache-Control", equalTo("no-store")).header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer")).header("X-Frame-Options", equalTo("DENY"))
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
        }
    }

    @Test
    void garbageTokenIs401ProblemJson() {
        given().header("Authorization", "Bearer not.a.jwt")
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/widgets")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void writingForAnotherOrganisationIs403AndChangesNothing() {
        long before = widgets();
        given().header("Authorization", TestTokens.bearer(OTHER, "registrar"))
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/widgets")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("detail", containsString(AHUS));
        assertEquals(before, widgets());
    }

    @Test
    void missingRoleIs403() {
        given().header("Authorization", TestTokens.bearer(AHUS, "subscriber"))
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/widgets")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void invalidFieldIs400NamingTheFieldAndChangesNothing() {
        long before = widgets();
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .contentType(ContentType.JSON).body("{\"title\":\"  \",\"ownerOrgnr\":\"" + AHUS + "\"}")
                .when().post("/api/widgets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"))
                .body("errors[0].message", notNullValue());
        assertEquals(before, widgets());
    }

    @Test
    void malformedJsonIs400() {
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/widgets")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .contentType(ContentType.JSON).body("{\"title\":[1,2],\"ownerOrgnr\":\"" + AHUS + "\"}")
                .when().post("/api/widgets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
    }

    @Test
    void hostileInputIsRefusedNamingTheFieldAndChangesNothing() {
        long before = widgets();
        for (String body : java.util.List.of(
                "{\"title\":\"a\\u0000b\",\"ownerOrgnr\":\"" + AHUS + "\"}",          // NUL, which PostgreSQL cannot store
                "{\"title\":\"Pasient 01017012345\",\"ownerOrgnr\":\"" + AHUS + "\"}",  // a national id form
                "{\"title\":\"x\",\"ownerOrgnr\":\"" + AHUS + "\",\"bogus\":1}")) {      // an unknown field
            given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                    .contentType(ContentType.JSON).body(body)
                    .when().post("/api/widgets")
                    .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(422)))
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(org.hamcrest.Matchers.anyOf(equalTo("title"), equalTo("bogus"))));
        }
        assertEquals(before, widgets());
    }

    /** Found by an outside test: 400s named Java classes and exceptions; duplicate keys and lone surrogates got in. */
    @Test
    void unreadableInputIsExplainedInTheCallersTermsAndChangesNothing() {
        long before = widgets();
        String owner = ",\"ownerOrgnr\":\"" + AHUS + "\"";
        record Case(String body, int status, String field, String says) {
        }
        for (Case c : java.util.List.of(
                new Case("{\"title\":\"x\"" + owner + ",\"due\":\"2026-13-45\"}", 400, "due", "a date (YYYY-MM-DD)"),
                new Case("{\"title\":\"x\"" + owner + ",\"due\":17}", 400, "due", "date"),
                new Case("[{\"title\":\"x\"}]", 400, "body", "an object"),
                new Case("{\"title\":{\"a\":1}" + owner + "}", 400, "title", "a text"),
                new Case("{\"title\":\"x\"" + owner + ",\"bogus\":1}", 400, "bogus", "not a field"),
                new Case("{\"title\":\"x\",\"title\":\"y\"" + owner + "}", 400, "body", "twice"),
                new Case("{\"title\":\"\\ud800\"" + owner + "}", 422, "title", "surrogate"),
                new Case("{\"title\":\"a\\udc00b\"" + owner + "}", 422, "title", "surrogate"))) {
            var response = given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                    .contentType(ContentType.JSON).body(c.body()).when().post("/api/widgets");
            assertEquals(c.status(), response.statusCode(), c.body() + " -> " + response.asString());
            String answer = response.asString();
            response.then().contentType("application/problem+json");
            io.restassured.path.json.JsonPath problem = io.restassured.path.json.JsonPath.from(answer);
            org.junit.jupiter.api.Assertions.assertTrue(problem.getList("errors.field") != null && problem.getList("errors.field").contains(c.field())
                    && problem.getString("errors[0].message").contains(c.says()), c.body() + " -> " + answer);
            for (String leak : java.util.List.of("java.", "no.helsefellesskap", "Exception", "NewWidget", "jackson")) {
                org.junit.jupiter.api.Assertions.assertFalse(answer.contains(leak), c.body() + " -> " + answer);
            }
        }
        // a real character outside the BMP (a surrogate pair) is fine
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar")).contentType(ContentType.JSON)
                .body("{\"title\":\"\\ud83d\\ude91 ambulanse\"" + owner + "}").when().post("/api/widgets")
                .then().statusCode(201);
        assertEquals(before + 1, widgets());
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar")).get("/api/widgets")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("ownerOrgnr"));
    }

    /** Found by an outside test: ?q=blodprøver sent as raw UTF-8 (as curl does) was read as "blodprÃ¸ver". */
    @Test
    void rawUtf8InTheQueryIsReadAsUtf8() throws Exception {
        String token = TestTokens.token(AHUS, "registrar");
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            s.getOutputStream().write(("GET /api/widgets?ownerOrgnr=blodprøver HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"ownerOrgnr\":\"blodprøver\""), answer);
        }
    }

    /**
     * Found by an outside test: requests refused by the HTTP layer (too large, too long, not a URI) were answered with
     * an empty body. Each is sent raw, as a client that does not encode for us would, and nothing is stored.
     */
    @Test
    void requestsTheHttpLayerRefusesAreProblemJsonAndChangeNothing() throws Exception {
        long before = widgets();
        String auth = "Authorization: Bearer " + TestTokens.token(AHUS, "registrar") + "\r\n";
        String big = "x".repeat((int) no.helsefellesskap.runtime.rest.HttpLimits.MAX_BODY + 10);
        String chunk = Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n";
        record Case(String request, int status, String field) {
        }
        for (Case c : java.util.List.of(
                new Case("GET /api/widgets?ownerOrgnr=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n" + auth
                        + "\r\n", 414, "uri"),
                new Case("GET /api/widgets HTTP/1.1\r\nHost: x\r\n" + auth + "X-Big: " + "a".repeat(30_000)
                        + "\r\n\r\n", 431, "headers"),
                new Case("POST /api/widgets HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Content-Length: " + big.length() + "\r\n\r\n", 413, "body"),
                new Case("POST /api/widgets HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + chunk, 413, "body"),
                new Case("GET /api/widgets?ownerOrgnr=%zz HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n", 400, "query"),
                new Case("GET /api/widgets/%zz HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n", 400, "path"),
                new Case("GET /api/widgets?q=a\"b HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n", 400, "query"))) {
            String answer = raw(c.request());
            String head = c.request().substring(0, Math.min(c.request().length(), 60)) + " -> "
                    + answer.substring(0, Math.min(answer.length(), 300));
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 " + c.status()), head);
            org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase(java.util.Locale.ROOT)
                    .contains("content-type: application/problem+json"), head);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"field\":\"" + c.field() + "\""), answer);
        }
        assertEquals(before, widgets());
    }

    /** Sends bytes as they are and reads the answer until the server closes or goes quiet. */
    private static String raw(String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            s.setSoTimeout(5_000);
            try {
                s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException refusedMidway) {
                // the server may answer and close before it has read everything: the answer is still there
            }
            var out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = s.getInputStream().read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    if (out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("}]}")) {
                        break;
                    }
                }
            } catch (java.io.IOException endOfAnswer) {
                // timeout or reset after the answer
            }
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPathThatIsNoUriAfterDecodingIsStill404ProblemJson() {
        for (String path : java.util.List.of("/api/widgets/'%20OR%20'1'%3D'1", "/api/widgets/%00", "/api/widgets/%3Cscript%3E")) {
            given().header("Authorization", TestTokens.bearer(AHUS, "registrar")).urlEncodingEnabled(false)
                    .when().get(path)
                    .then().statusCode(org.hamcrest.Matchers.lessThan(500)).contentType("application/problem+json");
        }
    }

    @Test
    void unknownPathIs404ProblemJson() {
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .when().get("/api/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aValidRequestFromTheOwnerSucceeds() {
        long before = widgets();
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/widgets")
                .then().statusCode(201).body("id", notNullValue());
        assertEquals(before + 1, widgets());
    }

    @Test
    void healthAndOpenApiArePublic() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    private long widgets() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from widget").getSingleResult()).longValue());
    }
}
