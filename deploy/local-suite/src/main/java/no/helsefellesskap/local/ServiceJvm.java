package no.helsefellesskap.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JVM that runs the services, and the start options it makes possible. Java 17 is enough. Where a JDK 25 or newer
 * is at hand ({@code SUITE_JAVA_HOME}, this JVM, or one installed beside this one, as on the build machines) the
 * services run on it with compact object headers (a smaller heap) and an ahead-of-time cache each (JEP 483 and 514):
 * the first run of a build records the classes a service loads and writes the cache when it stops; every later start
 * maps them instead of loading and linking them again. {@code SUITE_AOT=false} leaves the cache out.
 */
final class ServiceJvm {

    static final int AOT_FEATURE = 25;

    private final Path home;
    private final int feature;
    private boolean training;

    private ServiceJvm(Path home, int feature) {
        this.home = home;
        this.feature = feature;
    }

    static ServiceJvm choose(Map<String, String> env) {
        String chosen = env.get("SUITE_JAVA_HOME");
        if (chosen != null && !chosen.isBlank()) {
            Path home = Path.of(chosen);
            return new ServiceJvm(home, feature(home).orElse(0));
        }
        Path own = Path.of(System.getProperty("java.home"));
        int ownFeature = Runtime.version().feature();
        if (ownFeature >= AOT_FEATURE || own.getParent() == null) {
            return new ServiceJvm(own, ownFeature);
        }
        try (Stream<Path> siblings = Files.list(own.getParent())) {
            return siblings.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                    .map(p -> new ServiceJvm(p, feature(p).orElse(0)))
                    .filter(j -> j.feature >= AOT_FEATURE)
                    .max(Comparator.comparingInt((ServiceJvm j) -> j.feature).thenComparing(j -> j.home.toString()))
                    .orElse(new ServiceJvm(own, ownFeature));
        } catch (IOException e) {
            return new ServiceJvm(own, ownFeature);
        }
    }

    /** The feature release from the JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}). */
    static Optional<Integer> feature(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                    .map(l -> l.substring(l.indexOf('"') + 1))
                    .map(v -> v.split("[.\"+-]")[0])
                    .filter(v -> v.matches("\\d+"))
                    .map(Integer::valueOf);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    int feature() {
        return feature;
    }

    /** Whether the options of the last {@link #startOptions} call record a new cache (written when the JVM exits). */
    boolean training() {
        return training;
    }

    /**
     * Options for a service's JVM beyond the caller's: on JDK 25 or newer, compact headers and the service's cache,
     * used when one exists for this build of its jar and recorded otherwise (older caches of the service removed).
     */
    List<String> startOptions(Path aotDir, String service, Path jar, boolean aot) {
        training = false;
        List<String> opts = new ArrayList<>();
        if (feature < AOT_FEATURE) {
            return opts;
        }
        opts.add("-XX:+UseCompactObjectHeaders");
        if (!aot) {
            return opts;
        }
        try {
            Files.createDirectories(aotDir);
            String stamp = service + "-" + Files.getLastModifiedTime(jar).toMillis() + "-" + Files.size(jar) + "-jdk"
                    + feature;
            Path cache = aotDir.resolve(stamp + ".aot");
            if (Files.exists(cache)) {
                opts.add("-XX:AOTCache=" + cache);
                return opts;
            }
            try (Stream<Path> old = Files.list(aotDir)) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith(service + "-")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            opts.add("-XX:AOTCacheOutput=" + cache);
            training = true;
            return opts;
        } catch (IOException e) {
            return opts; // no cache: a slower start, nothing worse
        }
    }

    String describe(boolean aot) {
        return java() + " (Java " + feature + (feature < AOT_FEATURE ? "" : aot
                ? ", compact object headers, an AOT cache per service" : ", compact object headers, no AOT cache") + ")";
    }
}
