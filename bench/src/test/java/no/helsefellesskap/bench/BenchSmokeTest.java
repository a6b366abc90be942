package no.helsefellesskap.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scenario of the harness at toy sizes against a real suite, so the harness cannot rot. It asserts that each
 * scenario ran and passed (survival counts lost = 0 and duplicated = 0, no 5xx to hostile input, the authorisation
 * matrix as expected); the figures themselves are not checked: timing belongs in BENCHMARKS.md, not in tests.
 */
class BenchSmokeTest {

    @Test
    void everyScenarioRunsAndPassesAtSmokeSize() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
        Path results = root.resolve("bench/target/smoke-results");
        int rc = new CommandLine(new Bench()).execute("--smoke", "--root", root.toString(), "--port-offset", "600",
                "--results", results.toString(), "all");
        for (String scenario : Bench.SCENARIOS.keySet()) {
            Path f = results.resolve(scenario + ".md");
            assertTrue(Files.exists(f), scenario + " wrote no results");
            assertTrue(Files.readString(f).contains("Result: **pass**"), scenario + ": " + Files.readString(f));
        }
        assertEquals(0, rc, "the harness reported failures");
    }
}
