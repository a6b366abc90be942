package no.helsefellesskap.runtime.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.helsefellesskap.model.codes.Vocabulary;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Parameter descriptions, code-list enums and request examples for a service's OpenAPI document, from data files
 * rather than annotations on every parameter: {@code openapi/common-parameters.properties} (this library),
 * {@code openapi/parameters.properties} and {@code openapi/examples/<operationId>.json} (the service). A key naming a
 * schema or property that does not exist fails the build, so the files cannot drift from the API unnoticed.
 */
final class ApiDescriptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Properties entries = new Properties();
    private final ClassLoader loader;
    private Vocabulary vocabulary;

    ApiDescriptions(ClassLoader loader) {
        this.loader = loader;
        load("openapi/common-parameters.properties");
        load("openapi/parameters.properties"); // the service's, loaded second: it wins
    }

    private void load(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                entries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    void apply(OpenAPI api) {
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> describe(path, op, p));
                }
                example(op);
            }));
        }
        for (String key : entries.stringPropertyNames()) {
            if (key.startsWith("schema.") && key.endsWith(".codes")) {
                String[] parts = key.split("\\.");
                Schema schema = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                        : api.getComponents().getSchemas().get(parts[1]);
                Schema property = schema == null || schema.getProperties() == null ? null
                        : schema.getProperties().get(parts[2]);
                if (property == null) {
                    throw new IllegalStateException("openapi/parameters.properties names " + parts[1] + "." + parts[2]
                            + ", which the document does not have");
                }
                restrict(property, entries.getProperty(key), null, null);
            }
        }
    }

    /**
     * Drops the shared {@code JsonValue} schema (mp.openapi.schema for Jackson's JsonNode, added to every document)
     * where nothing refers to it.
     */
    static void dropUnused(OpenAPI api, String name) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null
                || !api.getComponents().getSchemas().containsKey(name)) {
            return;
        }
        String ref = "#/components/schemas/" + name;
        java.util.Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean used = api.getComponents().getSchemas().entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(name) && refers(e.getValue(), ref, seen));
        if (!used && api.getPaths() != null && api.getPaths().getPathItems() != null) {
            used = api.getPaths().getPathItems().values().stream().flatMap(i -> i.getOperations().values().stream())
                    .anyMatch(op -> (op.getParameters() != null && op.getParameters().stream()
                            .anyMatch(p -> refers(p.getSchema(), ref, seen)))
                            || (op.getRequestBody() != null && refers(op.getRequestBody().getContent(), ref, seen))
                            || (op.getResponses() != null && op.getResponses().getAPIResponses() != null
                            && op.getResponses().getAPIResponses().values().stream()
                            .anyMatch(r -> refers(r.getContent(), ref, seen))));
        }
        if (!used) {
            api.getComponents().removeSchema(name);
        }
    }

    private static boolean refers(org.eclipse.microprofile.openapi.models.media.Content content, String ref,
                                  java.util.Set<Schema> seen) {
        return content != null && content.getMediaTypes() != null && content.getMediaTypes().values().stream()
                .anyMatch(m -> refers(m.getSchema(), ref, seen));
    }

    private static boolean refers(Schema s, String ref, java.util.Set<Schema> seen) {
        if (s == null || !seen.add(s)) {
            return false;
        }
        if (ref.equals(s.getRef())) {
            return true;
        }
        List<Schema> inner = new ArrayList<>();
        if (s.getProperties() != null) {
            inner.addAll(s.getProperties().values());
        }
        inner.add(s.getItems());
        inner.add(s.getAdditionalPropertiesSchema());
        for (List<Schema> l : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (l != null) {
                inner.addAll(l);
            }
        }
        boolean found = inner.stream().anyMatch(i -> refers(i, ref, seen));
        seen.remove(s); // another path may still reach it: only cycles are cut
        return found;
    }

    private void describe(String path, Operation op, Parameter p) {
        String name = p.getName();
        String own = op.getOperationId() == null ? null : op.getOperationId() + "." + name;
        String key = own != null && entries.containsKey(own) ? own : name;
        if (p.getDescription() == null || p.getDescription().isBlank()) {
            String description = entries.getProperty(key);
            if (description == null && p.getIn() == Parameter.In.PATH) {
                description = fromPath(path, name);
            }
            if (description != null) {
                p.setDescription(description);
            }
        }
        if (p.getSchema() != null) {
            restrict(p.getSchema(), entries.getProperty(key + ".codes"), entries.getProperty(key + ".enum"),
                    entries.getProperty(key + ".enumOf"));
        }
    }

    /** "The id of the pilot" for {@code /api/pilots/{id}}: the path segment before the parameter names the record. */
    static String fromPath(String path, String name) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + name + "}")) {
                String record = segments[i - 1].replace('-', ' ');
                record = record.endsWith("ies") ? record.substring(0, record.length() - 3) + "y"
                        : record.endsWith("s") ? record.substring(0, record.length() - 1) : record;
                return switch (name) {
                    case "version" -> "The version number of the " + record.replace(" version", "") + " (1, 2, ...)";
                    default -> "The " + name + " of the " + record;
                };
            }
        }
        return null;
    }

    /** The values a string (or each item of a string array) may take. */
    private void restrict(Schema schema, String codeList, String fixed, String enumClass) {
        List<Object> values = null;
        if (codeList != null) {
            if (vocabulary == null) {
                vocabulary = Vocabulary.loadDefault();
            }
            values = new ArrayList<>(vocabulary.codes(codeList.strip()).stream().sorted().toList());
            if (values.isEmpty()) {
                throw new IllegalStateException("no code list " + codeList + " in the vocabulary");
            }
        } else if (fixed != null) {
            values = new ArrayList<>(Arrays.stream(fixed.split(",")).map(String::strip).toList());
        } else if (enumClass != null) {
            try {
                Object[] constants = Class.forName(enumClass.strip(), false, loader).getEnumConstants();
                values = new ArrayList<>(Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toList());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("openapi/parameters.properties names " + enumClass + ", not found", e);
            }
        }
        if (values == null) {
            return;
        }
        Schema target = schema.getItems() != null ? schema.getItems() : schema;
        target.setEnumeration(values);
        target.setPattern(null); // the enum says more than "not blank"
    }

    private void example(Operation op) {
        if (op.getOperationId() == null || op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return;
        }
        try (InputStream in = loader.getResourceAsStream("openapi/examples/" + op.getOperationId() + ".json")) {
            if (in == null) {
                return;
            }
            Object example = JSON.readValue(in, Object.class);
            MediaType json = op.getRequestBody().getContent().getMediaType("application/json");
            if (json == null) {
                throw new IllegalStateException(op.getOperationId() + " takes no application/json body for its example");
            }
            json.setExample(example);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/examples/" + op.getOperationId() + ".json", e);
        }
    }
}
