package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages' files as a browser gets them: compressed when it accepts gzip, revalidated before reuse (their names
 * carry no version, so a cached copy must not outlive a deployment), answered 304 when unchanged; the versioned
 * chart library cached for good; a favicon.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class StaticFilesTest {

    static Response get(String path, String acceptEncoding) {
        return given().config(io.restassured.RestAssured.config().decoderConfig(
                        DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", acceptEncoding).get(path).then().extract().response();
    }

    @Test
    void pagesAndTheirScriptsAreCompressedAndRevalidated() {
        for (String path : new String[] {"/", "/index.html", "/dashboard.js", "/page.js", "/dashboard.css",
                "/pilot.html", "/model.html", "/subscriptions.html", "/norway-municipalities.json"}) {
            Response r = get(path, "gzip");
            assertEquals(200, r.statusCode(), path);
            assertEquals("gzip", r.header("Content-Encoding"), path + " compressed");
            String cache = r.header("Cache-Control");
            assertNotNull(cache, path);
            assertTrue(cache.contains("no-cache") && !cache.contains("immutable"), path + ": " + cache);
            String validator = r.header("Last-Modified");
            assertNotNull(validator, path + " can be revalidated");
            assertEquals(304, given().header("If-Modified-Since", validator).get(path).statusCode(), path + " unchanged");
        }
        assertEquals(null, get("/dashboard.js", "identity").header("Content-Encoding"), "not compressed when not accepted");
    }

    @Test
    void theVersionedChartLibraryIsCachedForGoodAndTheFaviconIsServed() {
        Response chart = get("/webjars/chart.js/4.5.1/dist/chart.umd.js", "gzip");
        assertEquals(200, chart.statusCode());
        assertTrue(chart.header("Cache-Control").contains("max-age=31536000"), chart.header("Cache-Control"));
        assertTrue(chart.header("Cache-Control").contains("immutable"), chart.header("Cache-Control"));
        Response icon = get("/favicon.svg", "gzip");
        assertEquals(200, icon.statusCode());
        assertTrue(icon.contentType().startsWith("image/svg+xml"), icon.contentType());
        for (String page : new String[] {"/", "/pilot.html", "/model.html", "/subscriptions.html"}) {
            assertTrue(given().get(page).asString().contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">"),
                    page + " names its icon (browsers then do not ask for /favicon.ico)");
        }
    }
}
