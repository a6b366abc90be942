package no.helsefellesskap.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart, offline: helm's own lint (strict), the rendered objects checked against the Kubernetes API schemas
 * (the npm package kubernetes-models, pinned), and what the suite needs of them checked here.
 */
class ChartTest {

    static final Path CHART = Path.of("chart", "oppgavedeling").toAbsolutePath();
    static final String VALIDATOR = "kubernetes-models@5.1.0";
    static final Set<String> SERVICES = Set.of("competence-registry", "task-catalogue", "pilot-projects",
            "evaluations", "spread");
    static final ObjectMapper JSON = new ObjectMapper();
    static Path validatorDir;

    @BeforeAll
    static void installValidator() throws Exception {
        validatorDir = Path.of("target", "k8s-validate").toAbsolutePath();
        Files.createDirectories(validatorDir);
        if (!Files.isDirectory(validatorDir.resolve("node_modules/kubernetes-models"))) {
            run(validatorDir, "npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", validatorDir.toString(),
                    VALIDATOR);
        }
        Files.copy(Path.of("src/test/resources/validate.mjs"), validatorDir.resolve("validate.mjs"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void everyRenderedObjectIsValidAgainstTheKubernetesSchemas() throws Exception {
        List<JsonNode> objects = render(Map.of());
        Map<String, Long> kinds = objects.stream().collect(Collectors.groupingBy(o -> o.path("kind").asText(),
                TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("Deployment", 5L, "PodDisruptionBudget", 5L, "Service", 5L), kinds);
        Result r = validate(objects);
        assertEquals(0, r.exit, r.out);
        assertEquals(15, r.out.lines().filter(l -> l.startsWith("valid ")).count(), r.out);
    }

    /** The validator is not a formality: an object with a wrong type or an unknown kind is refused. */
    @Test
    void theSchemaCheckRefusesABrokenObject() throws Exception {
        List<JsonNode> objects = render(Map.of());
        JsonNode deployment = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst()
                .orElseThrow().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.path("spec")).put("replicas", "two");
        Result r = validate(List.of(deployment));
        assertNotEquals(0, r.exit, r.out);
        assertTrue(r.out.contains("INVALID Deployment/"), r.out);
    }

    @Test
    void eachServiceRunsWithProbesResourcesAndSecretsFromTheCluster() throws Exception {
        List<JsonNode> objects = render(Map.of());
        Set<String> deployed = new TreeSet<>();
        for (JsonNode d : objects) {
            if (!d.path("kind").asText().equals("Deployment")) {
                continue;
            }
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode c = pod.path("containers").get(0);
            String service = d.path("metadata").path("labels").path("app.kubernetes.io/name").asText();
            deployed.add(service);
            assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText());
            assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText());
            assertTrue(c.path("resources").path("limits").has("memory"), service);
            assertTrue(c.path("resources").path("requests").has("cpu"), service);
            assertEquals(2, d.path("spec").path("replicas").asInt(), "several replicas by default: " + service);
            Map<String, JsonNode> env = new TreeMap<>();
            c.path("env").forEach(e -> env.put(e.path("name").asText(), e));
            for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL", "SUITE_TOKEN_AUDIENCE", "QUARKUS_HTTP_PORT")) {
                assertTrue(env.containsKey(name), service + " lacks " + name);
            }
            JsonNode password = env.get("QUARKUS_DATASOURCE_PASSWORD");
            assertFalse(password.has("value"), "a password is never a plain value");
            assertEquals("oppgavedeling-db", password.path("valueFrom").path("secretKeyRef").path("name").asText());
            assertFalse(env.containsKey("QUARKUS_OTEL_SDK_DISABLED"), "tracing off unless an endpoint is given");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
            assertEquals(c.path("ports").get(0).path("containerPort").asInt(),
                    Integer.parseInt(env.get("QUARKUS_HTTP_PORT").path("value").asText()));
        }
        assertEquals(SERVICES, deployed);
    }

    @Test
    void valuesTurnOnTracingAddKafkaSecuritySettingsAndDropTheBudgetForOneReplica() throws Exception {
        List<JsonNode> objects = render(Map.of("tracing.otlpEndpoint", "http://otel-collector:4317",
                "services.spread.replicas", "1",
                "kafka.env[0].name", "KAFKA_SECURITY_PROTOCOL", "kafka.env[0].value", "SASL_SSL"));
        JsonNode spread = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment")
                && o.path("metadata").path("name").asText().endsWith("-spread")).findFirst().orElseThrow();
        assertEquals(1, spread.path("spec").path("replicas").asInt());
        String env = spread.path("spec").path("template").path("spec").path("containers").get(0).path("env").toString();
        assertTrue(env.contains("\"QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT\",\"value\":\"http://otel-collector:4317\""), env);
        assertTrue(env.contains("\"KAFKA_SECURITY_PROTOCOL\",\"value\":\"SASL_SSL\""), env);
        assertEquals(4, objects.stream().filter(o -> o.path("kind").asText().equals("PodDisruptionBudget")).count(),
                "no disruption budget for a single replica (it would block every drain)");
        assertEquals(0, validate(objects).exit);
    }

    private static List<JsonNode> render(Map<String, String> values) throws IOException {
        var template = new Helm(CHART).template().withName("od");
        values.forEach(template::set);
        String yaml = template.call();
        List<JsonNode> objects = new ArrayList<>();
        YAMLFactory factory = new YAMLFactory();
        try (YAMLParser parser = factory.createParser(yaml)) {
            ObjectMapper mapper = new ObjectMapper(factory);
            for (var it = mapper.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode o = it.next();
                if (o != null && !o.isNull() && !o.isMissingNode() && o.size() > 0) {
                    objects.add(o);
                }
            }
        }
        return objects;
    }

    record Result(int exit, String out) {
    }

    private static Result validate(List<JsonNode> objects) throws Exception {
        ArrayNode all = JSON.createArrayNode();
        objects.forEach(all::add);
        Path file = Files.createTempFile(validatorDir, "objects", ".json");
        Files.writeString(file, JSON.writeValueAsString(all));
        return run(validatorDir, "node", "validate.mjs", file.toString());
    }

    private static Result run(Path dir, String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Node and npm are needed to validate the Kubernetes objects (.ci/run installs "
                    + "them): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        System.out.println(out);
        if (command[0].equals("npm") && exit != 0) {
            throw new AssertionError("npm install " + VALIDATOR + " failed:\n" + out);
        }
        return new Result(exit, out);
    }
}
