package org.cecplatform.platform.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, written once (a build-time filter of every service): the
 * RFC 9457 problem schema with the product's {@code violations}, and the answers that do not depend on the
 * operation's own rules:
 * <ul>
 *   <li>a secured operation (one with a security requirement) answers 401 and 403;</li>
 *   <li>an operation with a body answers 400 (unreadable), 413 (over its limit, {@code BodyLimits}), 415 (another
 *       media type) and 422 (invalid fields);</li>
 *   <li>an operation with a query parameter, a header parameter or a certificant in its path answers 422
 *       ({@link CertificantIdPaths}, {@link Paging}, ...);</li>
 *   <li>every operation answers 503 when a backing service is away ({@link ProblemMappers}).</li>
 * </ul>
 * The certificant of a {@code /certificants/{certificantId}} path is described once, with its pattern
 * ({@link CertificantIds}); an operation a resource inherits has it too (the generator misses it there).
 * Answers an operation adds for its own rules (404, 409, a 422 of a business rule) only need a code and a
 * description: any 4xx or 5xx answer without content is given the problem body here. An operation without a
 * description of its own is described by its summary.
 * <p>
 * A nullable field of a type with a schema of its own ({@code Instant}, {@code UUID}, a nested view) comes from the
 * generator as {@code allOf: [$ref], nullable: true}, which OpenAPI 3.0 tools read as "never null" (the referenced
 * schema refuses null); such a field gets the referenced schema's content in place, nullable, and a schema no longer
 * referred to anywhere goes.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    public static final String SECURITY_SCHEME = "bearerJwt";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String CERTIFICANT_ID = "certificantId";

    /** The shared answers, by status: the component's name and what it means. */
    private static final Map<String, String[]> COMMON = Map.of(
            "400", new String[] {"BadRequest", "The body is not readable JSON (or the request is malformed)."},
            "401", new String[] {"Unauthorized", "No valid bearer token."},
            "403", new String[] {"Forbidden", "The caller's role does not allow this, or the record is not theirs."},
            "413", new String[] {"PayloadTooLarge", "The body is larger than this operation accepts."},
            "415", new String[] {"UnsupportedMediaType", "The body is not of a media type this operation reads."},
            "422", new String[] {"Invalid", "Invalid input; every violation is listed. Nothing was changed."},
            "503", new String[] {"Unavailable", "A backing service is unreachable; nothing was changed. Try again"
                    + " after Retry-After seconds."});

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema("Violation", violationSchema());
        components.addSchema(PROBLEM, problemSchema());
        COMMON.forEach((status, named) -> components.addResponse(named[0], problemResponse(named[1])));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(operation -> complete(path, item, operation));
            }
        });
        if (components.getSchemas() != null) {
            Map<String, Schema> named = Map.copyOf(components.getSchemas());
            Set<String> inlined = new HashSet<>();
            named.values().forEach(schema -> inlineNullableReferences(schema, named, inlined));
            Set<String> referenced = referencedSchemas(api);
            inlined.stream().filter(name -> !referenced.contains(name)).forEach(components::removeSchema);
        }
    }

    private static void complete(String path, PathItem item, Operation operation) {
        if (path.contains("{" + CERTIFICANT_ID + "}")) {
            describeCertificantId(operation);
        }
        if (operation.getDescription() == null) {
            // Most summaries here are whole sentences already; a client's generated docs show the description.
            operation.setDescription(operation.getSummary());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            common(responses, "401");
            common(responses, "403");
        }
        if (operation.getRequestBody() != null) {
            common(responses, "400");
            common(responses, "413");
            common(responses, "415");
            common(responses, "422");
        }
        if (path.contains("{" + CERTIFICANT_ID + "}") || hasQueryOrHeader(item, operation)) {
            common(responses, "422");
        }
        common(responses, "503");
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getRef() == null && response.getContent() == null) {
                    response.setContent(problemContent());
                }
            }
        });
    }

    /** Sets the shared answer unless the operation describes that status itself (a description it gave wins). */
    private static void common(APIResponses responses, String status) {
        APIResponse own = responses.getAPIResponse(status);
        if (own == null || isGenerated(own)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse()
                    .ref("#/components/responses/" + COMMON.get(status)[0]));
        }
    }

    /** The 400/401/403 answers the generator adds by itself say nothing ("Not Authorized", "Bad Request"). */
    private static boolean isGenerated(APIResponse response) {
        return response.getRef() == null && response.getContent() == null
                && List.of("Not Authorized", "Not Allowed", "Bad Request").contains(response.getDescription());
    }

    private static void inlineNullableReferences(Schema schema, Map<String, Schema> named, Set<String> inlined) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> {
            String referenced = nullableReferenceOf(property);
            if (referenced == null || !named.containsKey(referenced)) {
                return property;
            }
            inlined.add(referenced);
            return copyOf(named.get(referenced)).description(property.getDescription())
                    .addType(Schema.SchemaType.NULL);
        });
        schema.setProperties(properties);
    }

    /**
     * The name of the schema a nullable property refers to, or null. The model is OpenAPI 3.1's, written out as 3.0:
     * {@code anyOf: [{$ref}, {type: null}]} there becomes {@code allOf: [$ref], nullable: true}.
     */
    private static String nullableReferenceOf(Schema property) {
        if (property.getAnyOf() == null || property.getAnyOf().stream()
                .noneMatch(option -> List.of(Schema.SchemaType.NULL).equals(option.getType()))) {
            return null;
        }
        List<String> refs = property.getAnyOf().stream().map(Schema::getRef).filter(Objects::nonNull)
                .toList();
        return refs.size() != 1 ? null : nameOf(refs.get(0));
    }

    /** The names of the component schemas still referred to: by another schema, a body, an answer or a parameter. */
    private static Set<String> referencedSchemas(OpenAPI api) {
        Set<String> names = new HashSet<>();
        api.getComponents().getSchemas().values().forEach(schema -> collectReferences(schema, names));
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            Stream.concat(Stream.ofNullable(operation.getRequestBody()).map(RequestBody::getContent),
                            operation.getResponses().getAPIResponses().values().stream().map(APIResponse::getContent))
                    .filter(Objects::nonNull)
                    .flatMap(content -> content.getMediaTypes().values().stream())
                    .forEach(media -> collectReferences(media.getSchema(), names));
            Stream.ofNullable(operation.getParameters()).flatMap(List::stream)
                    .forEach(parameter -> collectReferences(parameter.getSchema(), names));
        }));
        return names;
    }

    private static void collectReferences(Schema schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            names.add(nameOf(schema.getRef()));
        }
        Stream.of(Stream.ofNullable(schema.getProperties()).flatMap(properties -> properties.values().stream()),
                        Stream.ofNullable(schema.getAllOf()).flatMap(List::stream),
                        Stream.ofNullable(schema.getAnyOf()).flatMap(List::stream),
                        Stream.ofNullable(schema.getOneOf()).flatMap(List::stream),
                        Stream.of(schema.getItems(), schema.getNot(), schema.getAdditionalPropertiesSchema()))
                .flatMap(children -> children).forEach(child -> collectReferences(child, names));
    }

    private static String nameOf(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Schema copyOf(Schema schema) {
        Schema copy = OASFactory.createSchema();
        schema.getAll().forEach(copy::set);
        return copy;
    }

    private static void describeCertificantId(Operation operation) {
        Parameter certificantId = operation.getParameters() == null ? null : operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.PATH && CERTIFICANT_ID.equals(p.getName()))
                .findFirst().orElse(null);
        if (certificantId == null) {
            certificantId = OASFactory.createParameter().name(CERTIFICANT_ID).in(Parameter.In.PATH);
            operation.addParameter(certificantId);
        }
        certificantId.required(true).description("The certificant's id (422 when it is not one)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern(CertificantIds.PATTERN));
    }

    private static boolean hasQueryOrHeader(PathItem item, Operation operation) {
        return Stream.of(item.getParameters(), operation.getParameters())
                .filter(Objects::nonNull).flatMap(List::stream)
                .map(Parameter::getIn)
                .anyMatch(in -> in == Parameter.In.QUERY || in == Parameter.In.HEADER);
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Map<String, Schema> properties = new TreeMap<>();
        properties.put("type", text("A stable URI of the kind of problem, e.g. " + Problem.TYPE_PREFIX
                + "validation"));
        properties.put("title", text("A short summary of the kind of problem"));
        properties.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .description("The HTTP status code"));
        properties.put("detail", text("What went wrong in this request"));
        properties.put("instance", text("The request path"));
        properties.put("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref("#/components/schemas/Violation"))
                .description("Every invalid field of the request (absent when none)"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem (application/problem+json)")
                .required(List.of("type", "title", "status")).properties(properties);
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field and what is wrong with it")
                .required(List.of("field", "message"))
                .properties(Map.of("field", text("The field, parameter or header as the client named it"),
                        "message", text("What the rule requires")));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
