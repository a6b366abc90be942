package no.helsefellesskap.bench;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scenario of the harness at toy sizes against a real suite, so the harness cannot rot. It asserts that each
 * scenario ran and passed (survival counts lost = 0 and duplicated = 0, no 5xx to hostile input, the authorisation
 * matrix as expected); the figures themselves are not checked: timing belongs in BENCHMARKS.md, not in tests.
 * The harness runs in its own JVM on the class path bench/run uses (target/lib): the test class path also reaches
 * the launcher jar's manifest class path, which would put the PostgreSQL binaries on it twice.
 */
class BenchSmokeTest {

    @Test
    void everyScenarioRunsAndPassesAtSmokeSize() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
        Path module = root.resolve("bench");
        Path results = module.resolve("target/smoke-results");
        Path log = module.resolve("target/smoke.log");
        String classPath = module.resolve("target/classes") + File.pathSeparator + module.resolve("target/lib") + File.separator + "*";
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classPath, Bench.class.getName(), "--smoke", "--root", root.toString(),
                "--port-offset", "600", "--results", results.toString(), "all"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(25, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        for (String scenario : Bench.SCENARIOS.keySet()) {
            Path f = results.resolve(scenario + ".md");
            assertTrue(Files.exists(f), scenario + " wrote no results; see " + log + "\n" + tail(output));
            assertTrue(Files.readString(f).contains("Result: **pass**"), scenario + ": " + Files.readString(f));
        }
        assertTrue(ended, "the harness did not finish in 25 minutes");
        assertEquals(0, p.exitValue(), "the harness reported failures:\n" + tail(output));
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
