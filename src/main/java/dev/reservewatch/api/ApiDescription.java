package dev.reservewatch.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import dev.reservewatch.error.Problem;
import dev.reservewatch.model.Bounds;
import dev.reservewatch.model.Input;
import dev.reservewatch.service.FredSeries;

/**
 * Completes the API description when the application is built, so that the document in the jar says what the
 * service does in the contract's names and clients can be generated from it:
 * <ul>
 * <li>every 4xx and 5xx answer is an {@code application/problem+json} {@code Problem};</li>
 * <li>the rules token is a bearer security scheme, required where the resources say so
 * ({@code @SecurityRequirement}) and nowhere else;</li>
 * <li>{@code HistoryEntry}, a snapshot without {@code history}, gets the snapshot's fields but that one;</li>
 * <li>the FRED upload is described by its parts: one CSV file per series code, {@code policy}, {@code from},
 * {@code to} and {@code view};</li>
 * <li>each operation carries a request and a response example: the real answers kept in
 * {@code examples/api/} ({@code ApiExamplesTest} checks them against the service);</li>
 * <li>schemas no operation reaches are dropped, so no framework type is left behind.</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDescription implements OASFilter {

    /** The security scheme of the rules tokens (RULES_ADMIN_TOKEN, RULES_AUTHOR_TOKEN). */
    public static final String RULES_TOKEN = "rulesToken";
    /** The multipart body of {@code POST /backtests/fred}, built here from {@link FredSeries}. */
    public static final String FRED_UPLOAD = "FredUpload";
    static final String PROBLEM = "Problem";
    static final String HISTORY_ENTRY = "HistoryEntry";
    static final String SNAPSHOT = "MarketSnapshot";
    /** The article's snapshot and its verdict: judgeSnapshot's examples (checked by ExampleVerdictTest). */
    static final String ARTICLE = "/examples/2025-10-article.json";
    static final String ARTICLE_VERDICT = "/examples/2025-10-article.verdict.json";
    /** Where the other examples live on the class path: {@code <operationId>.request.<ext>}, {@code .response.<ext>}. */
    static final String EXAMPLES = "/examples/api/";
    private static final Map<String, String> EXTENSIONS = Map.of("json", "application/json", "csv", "text/csv",
            "txt", "text/plain", "multipart.json", "multipart/form-data");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)
                || !components.getSchemas().containsKey(SNAPSHOT)) {
            throw new IllegalStateException("the API description lacks the Problem or MarketSnapshot schema");
        }
        components.addSecurityScheme(RULES_TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("RULES_ADMIN_TOKEN, or for drafts (validate, impact) RULES_AUTHOR_TOKEN"));
        components.addSchema(SNAPSHOT, snapshot(components.getSchemas().get(SNAPSHOT)));
        components.addSchema(HISTORY_ENTRY, historyEntry(components.getSchemas().get(SNAPSHOT),
                components.getSchemas().get(HISTORY_ENTRY)));
        components.addSchema(FRED_UPLOAD, fredUpload());
        forEachOperation(openAPI, (operation) -> {
            if (operation.getSecurity() == null) {
                operation.setSecurity(List.of()); // no token: said, not left out
            }
            problems(operation);
            examples(operation);
            String id = operation.getOperationId(); // none on the bench build's reference endpoints
            if (id != null && Languages.SPOKEN_OPERATIONS.contains(id)) {
                language(operation);
            }
        });
        PathItem fred = openAPI.getPaths().getPathItem("/backtests/fred");
        if (fred != null && fred.getPOST() != null) {
            MediaType form = fred.getPOST().getRequestBody().getContent().getMediaType("multipart/form-data");
            for (FredSeries series : FredSeries.values()) {
                form.addEncoding(series.name(), OASFactory.createEncoding().contentType("text/csv"));
            }
            form.addEncoding("policy", OASFactory.createEncoding().contentType("application/json"));
        }
        dropUnreachableSchemas(openAPI);
        components.getSchemas().values().forEach(ApiDescription::nullableUnlessRequired);
    }

    /**
     * Every property an object schema does not require may be null: the answers write an unknown figure or an
     * absent projection as null, and the service reads null as absent.
     */
    private static void nullableUnlessRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
        schema.setProperties(properties);
    }

    private static Schema nullable(Schema property) {
        Schema nothing = OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL));
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription())
                    .anyOf(List.of(OASFactory.createSchema().ref(property.getRef()), nothing));
        }
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(property.getType());
            types.add(Schema.SchemaType.NULL);
            property.setType(types);
        } else if (property.getOneOf() != null) {
            List<Schema> choices = new ArrayList<>(property.getOneOf());
            choices.add(nothing);
            property.setOneOf(choices);
        }
        return property;
    }

    private static void forEachOperation(OpenAPI openAPI, Consumer<Operation> action) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(action);
        }
    }

    /**
     * An answer with text for people: the language asked for ({@code lang}, {@code Accept-Language}) and the one given
     * ({@code Content-Language}).
     */
    private static void language(Operation operation) {
        operation.addParameter(OASFactory.createParameter().name(Languages.QUERY).in(Parameter.In.QUERY)
                .description("The language of the text for people (explanation, messages, rationales, projections): zh "
                        + "for Chinese, en for English; wins over Accept-Language. Any other value gives English.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .enumeration(List.of("en", "zh"))));
        operation.addParameter(OASFactory.createParameter().name("Accept-Language").in(Parameter.In.HEADER)
                .description("zh, zh-CN, zh-Hans (any zh-*) for Chinese text, weighed by q-values against en; any other "
                        + "language, or none, gives English. Codes, field names, rule names and numbers are the same "
                        + "in every language.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("Content-Language", OASFactory.createHeader().description("The language of the answer's "
                    + "text for people: en or zh").schema(OASFactory.createSchema()
                            .type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("en", "zh"))));
        }
    }

    /** Every 4xx and 5xx answer: a problem document. */
    private static void problems(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
        }
    }

    /**
     * The snapshot's fields, from the catalogue of its figures ({@link Input}): {@code asOf}, each figure with its
     * unit, bounds and a real example, the runoff, and the history.
     */
    private static Schema snapshot(Schema declared) {
        Schema snapshot = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description(declared.getDescription()).required(List.of("asOf"));
        snapshot.addProperty("asOf", OASFactory.createSchema().ref("Date").description("The day the figures describe"));
        for (Input input : Input.values()) {
            Schema figure = OASFactory.createSchema().type(List.of(Schema.SchemaType.NUMBER)).format("double")
                    .description(input.description() + ", in " + input.unit().symbol())
                    .examples(List.of(input.example()));
            Bounds bounds = input.bounds();
            if (bounds.minInclusive()) {
                figure.minimum(java.math.BigDecimal.valueOf(bounds.min()));
            } else {
                figure.exclusiveMinimum(java.math.BigDecimal.valueOf(bounds.min()));
            }
            if (Double.isFinite(bounds.max())) {
                if (bounds.maxInclusive()) {
                    figure.maximum(java.math.BigDecimal.valueOf(bounds.max()));
                } else {
                    figure.exclusiveMaximum(java.math.BigDecimal.valueOf(bounds.max()));
                }
            }
            snapshot.addProperty(input.field(), figure);
        }
        snapshot.addProperty("runoff", OASFactory.createSchema().ref("Runoff"));
        snapshot.addProperty("history", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                .description("Earlier snapshots, without a history of their own, none dated after asOf")
                .items(OASFactory.createSchema().ref(HISTORY_ENTRY)));
        return snapshot;
    }

    /** The snapshot's fields but {@code history}, under the description of the HistoryEntry class. */
    private static Schema historyEntry(Schema snapshot, Schema declared) {
        Schema entry = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description(declared == null ? null : declared.getDescription())
                .required(snapshot.getRequired());
        Map<String, Schema> properties = new LinkedHashMap<>(snapshot.getProperties());
        properties.remove("history");
        entry.setProperties(properties);
        return entry;
    }

    /** The FRED upload's parts: one CSV per series code, and the form values. */
    private static Schema fredUpload() {
        Schema upload = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("FRED downloads, one CSV part per series, named by its series code (at least one), "
                        + "and optional form values");
        for (FredSeries series : FredSeries.values()) {
            upload.addProperty(series.name(), OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                    .format("binary").description("FRED's CSV of " + series.name() + " (observation_date,"
                            + series.name() + "): the snapshots' " + series.input().field()));
        }
        upload.addProperty("policy", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                .format("binary").description("A policy calendar, JSON {events: [...]}, as GET "
                        + "/backtests/policy-calendar gives the shipped one (its default)"));
        upload.addProperty("from", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                .format("date").description("First week reported; by default the first reserves observation"));
        upload.addProperty("to", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                .format("date").description("Last week reported; by default the last published"));
        upload.addProperty("view", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                .enumeration(List.of("compact", "full")).defaultValue("compact")
                .description("compact (default): date, regime, action and signal codes; full: whole verdicts"));
        return upload;
    }

    /** The operation's kept request and response examples, on the request body and the 200 answer. */
    private static void examples(Operation operation) {
        String id = operation.getOperationId();
        if (id == null) {
            return;
        }
        for (Map.Entry<String, String> extension : EXTENSIONS.entrySet()) {
            Object request = read(id.equals("judgeSnapshot") && extension.getKey().equals("json") ? ARTICLE
                    : EXAMPLES + id + ".request." + extension.getKey(), extension.getKey());
            if (request != null && operation.getRequestBody() != null) {
                MediaType type = operation.getRequestBody().getContent().getMediaType(extension.getValue());
                if (type != null) {
                    type.addExample("example", OASFactory.createExample().summary("A real request").value(request));
                }
            }
            Object response = read(id.equals("judgeSnapshot") && extension.getKey().equals("json") ? ARTICLE_VERDICT
                    : EXAMPLES + id + ".response." + extension.getKey(), extension.getKey());
            APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
            if (response != null && ok != null && ok.getContent() != null) {
                MediaType type = ok.getContent().getMediaType(extension.getValue());
                if (type != null) {
                    type.addExample("example", OASFactory.createExample().summary("Its real answer").value(response));
                }
            }
        }
    }

    private static Object read(String resource, String extension) {
        try (InputStream in = ApiDescription.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            return extension.endsWith("json") ? new ObjectMapper().readValue(bytes, Object.class)
                    : new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the component schemas that no operation reaches through its parameters, bodies and answers. */
    private static void dropUnreachableSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        List<Schema> roots = new ArrayList<>();
        forEachOperation(openAPI, operation -> roots.addAll(operationSchemas(operation)));
        Set<String> reached = new HashSet<>();
        walk(roots, schemas).stream().filter(schema -> schema.getRef() != null)
                .forEach(schema -> reached.add(componentName(schema.getRef())));
        schemas.keySet().stream().filter(name -> !reached.contains(name)).toList()
                .forEach(openAPI.getComponents()::removeSchema);
    }

    /**
     * Every schema under {@code roots}, each once: their properties, items and compositions, and, when
     * {@code components} is given, the component schemas their references name.
     */
    private static List<Schema> walk(List<Schema> roots, Map<String, Schema> components) {
        List<Schema> visited = new ArrayList<>();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Schema> pending = new LinkedList<>(roots); // takes nulls: absent schemas are skipped
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            visited.add(schema);
            if (components != null && schema.getRef() != null) {
                pending.add(components.get(componentName(schema.getRef())));
            }
            pending.addAll(children(schema));
        }
        return visited;
    }

    private static String componentName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static List<Schema> operationSchemas(Operation operation) {
        Deque<Schema> found = new LinkedList<>();
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> found.add(parameter.getSchema()));
        }
        if (operation.getRequestBody() != null) {
            contentSchemas(operation.getRequestBody().getContent(), found);
        }
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values()
                    .forEach(response -> contentSchemas(response.getContent(), found));
        }
        return new ArrayList<>(found);
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        children.add(schema.getItems());
        children.add(schema.getAdditionalPropertiesSchema());
        Stream.of(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf()).filter(Objects::nonNull)
                .forEach(children::addAll);
        return children;
    }

    private static void contentSchemas(Content content, Deque<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(type -> into.add(type.getSchema()));
        }
    }
}
