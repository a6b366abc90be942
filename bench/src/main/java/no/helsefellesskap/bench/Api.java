package no.helsefellesskap.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Every operation of every service, read from the services' own OpenAPI documents. */
final class Api {

    record Operation(String service, String method, String path, JsonNode requestSchema, List<String> pathParams) {
        boolean writes() {
            return !method.equals("GET");
        }

        String name() {
            return method + " " + path;
        }
    }

    static List<Operation> operations(BenchContext ctx) {
        List<Operation> ops = new ArrayList<>();
        for (String service : ctx.suite().ports().keySet()) {
            JsonNode doc = ctx.tree(ctx.http.send("GET", ctx.url(service, "/q/openapi?format=json"), null, null).body());
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                if (!p.getKey().startsWith("/api/")) {
                    continue;
                }
                for (String method : List.of("get", "post", "put", "patch", "delete")) {
                    JsonNode op = p.getValue().path(method);
                    if (op.isMissingNode()) {
                        continue;
                    }
                    JsonNode schema = null;
                    JsonNode content = op.path("requestBody").path("content");
                    if (content.fields().hasNext()) {
                        schema = resolve(doc, content.fields().next().getValue().path("schema"));
                    }
                    List<String> params = new ArrayList<>();
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(p.getKey());
                    while (m.find()) {
                        params.add(m.group(1));
                    }
                    ops.add(new Operation(service, method.toUpperCase(), p.getKey(), schema == null ? null : inline(doc, schema, 0), params));
                }
            }
        }
        return ops;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        return doc.at(ref.substring(1));
    }

    /** The schema with its $refs replaced, to a few levels (enough for the request bodies here). */
    private static JsonNode inline(JsonNode doc, JsonNode schema, int depth) {
        JsonNode s = resolve(doc, schema).deepCopy();
        if (depth > 4 || !s.isObject()) {
            return s;
        }
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) s;
        if (o.has("properties")) {
            com.fasterxml.jackson.databind.node.ObjectNode props = (com.fasterxml.jackson.databind.node.ObjectNode) o.get("properties");
            props.fieldNames().forEachRemaining(n -> props.set(n, inline(doc, props.get(n), depth + 1)));
        }
        if (o.has("items")) {
            o.set("items", inline(doc, o.get("items"), depth + 1));
        }
        return o;
    }
}
