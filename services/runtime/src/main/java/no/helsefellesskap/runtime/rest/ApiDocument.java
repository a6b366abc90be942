package no.helsefellesskap.runtime.rest;

import no.helsefellesskap.runtime.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every service's OpenAPI document says the same way (registered as {@code mp.openapi.filter}): every API
 * operation needs the bearer JWT (operations that need a role name it in their own {@code @SecurityRequirement}), and
 * documents the errors the runtime answers for it as {@code application/problem+json} with the {@link Problem} schema;
 * the server is the host that serves the document, so Swagger UI's "Try it out" goes where the document came from.
 */
public class ApiDocument implements OASFilter {

    /** The bearer-token scheme's name in every document (quarkus.smallrye-openapi.security-scheme-name). */
    public static final String SCHEME = "jwt";

    static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getServers() == null || api.getServers().isEmpty()) {
            api.addServer(OASFactory.createServer().url("/")
                    .description("The host that serves this document (each service has its own)"));
        }
        if (api.getComponents() == null) {
            api.components(OASFactory.createComponents());
        }
        api.getComponents().addSchema("Problem", problemSchema());
        new ApiDescriptions(loader()).apply(api);
        ApiDescriptions.dropUnused(api, "JsonValue");
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        }
        if (operation.getResponses() == null) {
            operation.responses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        Map<String, String> errors = new LinkedHashMap<>();
        if (body || parameters) {
            errors.put("400", "The request is malformed: unreadable JSON, a wrong type or a missing value");
        }
        errors.put("401", "No bearer token, or one that is expired, forged or for another audience");
        errors.put("403", "The token lacks the role this operation needs, or acts for another organisation");
        if (path.contains("{")) {
            errors.put("404", "No such record (or not one the caller may see)");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE) {
            errors.put("409", "The record's state does not allow this change, or it exists already");
        }
        if (body || parameters) {
            errors.put("422", "A value breaks a rule or names an unknown code; `errors` names each field");
        }
        errors.put("503", "The database is unavailable for a moment; retry after `Retry-After` seconds");
        errors.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")))));
            }
        });
    }

    /** RFC 9457 problem details as the runtime writes them ({@link Problem}); empty members are left out. */
    static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The request field, as a JSON path (`plan.title`, `lines[2].group`)"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Problem details (RFC 9457), served as application/problem+json")
                .addProperty("type", string("A URI naming the kind of problem").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The request path").format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("One entry per field that was refused").items(fieldError))
                .required(List.of("type", "title", "status"));
    }

    /** The application's class loader at build time (where the service's data files are), else this library's. */
    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ApiDocument.class.getClassLoader();
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
