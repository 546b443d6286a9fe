package dev.reservewatch.api;

import static dev.reservewatch.api.Management.management;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reservewatch.service.FredSeries;

/**
 * The API description served at {@code /q/openapi}, as a client generator reads it: an operation id per
 * operation, a Problem on every 4xx and 5xx answer, the bearer scheme exactly where a token is needed, servers
 * and a license, an example per operation, HistoryEntry without a history, the FRED upload by its parts, and no
 * schema named after a framework or JDK type.
 */
@QuarkusTest
class ApiDescriptionTest {

    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("POST /verdicts", "judgeSnapshot"), Map.entry("POST /verdicts/series", "judgeSeries"),
            Map.entry("POST /backtests/fred", "backtestFred"), Map.entry("GET /backtests/shipped", "backtestShipped"),
            Map.entry("GET /backtests/policy-calendar", "getPolicyCalendar"), Map.entry("GET /examples", "listExamples"),
            Map.entry("GET /rules", "getRules"), Map.entry("GET /rules/files/{name}", "getRuleFile"),
            Map.entry("PUT /rules/files/{name}", "saveRuleFile"), Map.entry("POST /rules/validate", "validateRules"),
            Map.entry("POST /rules/impact", "rulesImpact"), Map.entry("POST /rules/reload", "reloadRules"),
            Map.entry("GET /watch", "getWatch"), Map.entry("GET /watch/history", "getWatchHistory"),
            Map.entry("POST /watch/refresh", "refreshWatch"));
    private static final Set<String> NEED_A_TOKEN = Set.of("saveRuleFile", "validateRules", "rulesImpact",
            "reloadRules", "refreshWatch");
    /** Names that betray a framework or JDK type behind a schema. */
    private static final List<String> FOREIGN = List.of("MultipartFormDataInput", "FormValue", "FileItem", "Path",
            "FileSystem", "FileStore", "UserPrincipalLookupService", "MultivaluedMap", "LocalDate", "Instant",
            "JsonNode", "Object", "Map", "List", "Response", "RestResponse", "Uni", "Multi");

    private static JsonNode description;

    @BeforeAll
    static void read() throws Exception {
        description = new ObjectMapper().readTree(management().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asByteArray());
    }

    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> operations.add(Map.entry(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue()))));
        return operations;
    }

    @Test
    void namesEveryOperationAsTheContractDoes() {
        Map<String, String> found = new HashMap<>();
        operations().forEach(operation -> found.put(operation.getKey(), operation.getValue().path("operationId").asText(null)));
        assertThat(found).isEqualTo(OPERATIONS);
        operations().forEach(operation -> assertThat(operation.getValue().path("summary").asText())
                .as(operation.getKey() + " summary").isNotBlank());
    }

    @Test
    void describesEveryClientAndServerErrorAsAProblem() {
        JsonNode problem = description.at("/components/schemas/Problem/properties");
        assertThat(fieldNames(problem)).contains("type", "title", "status", "detail", "errors");
        assertThat(description.at("/components/schemas/FieldError/properties").has("field")).isTrue();
        for (Map.Entry<String, JsonNode> operation : operations()) {
            List<String> clientErrors = new ArrayList<>();
            operation.getValue().get("responses").fields().forEachRemaining(response -> {
                if (response.getKey().matches("[45]\\d\\d")) {
                    clientErrors.add(response.getKey());
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as(operation.getKey() + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            });
            assertThat(clientErrors).as(operation.getKey() + " has a 4xx answer").anyMatch(code -> code.startsWith("4"));
        }
    }

    @Test
    void asksForTheBearerTokenExactlyWhereOneIsNeeded() {
        assertThat(description.at("/components/securitySchemes/rulesToken/type").asText()).isEqualTo("http");
        assertThat(description.at("/components/securitySchemes/rulesToken/scheme").asText()).isEqualTo("bearer");
        for (Map.Entry<String, JsonNode> operation : operations()) {
            JsonNode security = operation.getValue().get("security");
            assertThat(security).as(operation.getKey() + " says whether it needs a token").isNotNull();
            boolean token = security.toString().contains("rulesToken");
            assertThat(token).as(operation.getKey()).isEqualTo(NEED_A_TOKEN.contains(OPERATIONS.get(operation.getKey())));
            if (token) {
                assertThat(operation.getValue().get("responses").has("401")).as(operation.getKey() + " 401").isTrue();
            }
        }
    }

    @Test
    void saysWhereItRunsAndUnderWhichLicense() {
        assertThat(description.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(description.at("/info/license/name").asText()).isEqualTo("Apache-2.0");
        assertThat(description.at("/info/license/url").asText()).startsWith("https://");
        assertThat(description.at("/info/version").asText()).isNotBlank();
    }

    @Test
    void carriesARealRequestAndResponseExampleForEachOperation() {
        for (Map.Entry<String, JsonNode> operation : operations()) {
            JsonNode body = operation.getValue().path("requestBody").path("content");
            body.fields().forEachRemaining(type -> assertThat(type.getValue().path("examples").size())
                    .as(operation.getKey() + " request example as " + type.getKey()).isPositive());
            JsonNode ok = operation.getValue().at("/responses/200/content");
            assertThat(ok.size()).as(operation.getKey() + " 200 content").isPositive();
            ok.fields().forEachRemaining(type -> assertThat(type.getValue().path("examples").size())
                    .as(operation.getKey() + " response example as " + type.getKey()).isPositive());
        }
        assertThat(description.at("/paths/~1verdicts/post/responses/200/content/application~1json/examples/example/value/regime")
                .asText()).isEqualTo("SCARCE");
        assertThat(description.at("/paths/~1rules~1impact/post/responses/200/content/application~1json/examples/example"
                + "/value/changed").asInt()).isEqualTo(1);
    }

    @Test
    void givesAHistoryEntryNoHistoryOfItsOwn() {
        JsonNode entry = description.at("/components/schemas/HistoryEntry/properties");
        JsonNode snapshot = description.at("/components/schemas/MarketSnapshot/properties");
        Set<String> expected = new TreeSet<>(fieldNames(snapshot));
        expected.remove("history");
        assertThat(new TreeSet<>(fieldNames(entry))).isEqualTo(expected);
        assertThat(snapshot.at("/history/items/$ref").asText()).isEqualTo("#/components/schemas/HistoryEntry");
        assertThat(description.at("/paths/~1verdicts~1series/post/requestBody/content/application~1json/schema/items/$ref")
                .asText()).isEqualTo("#/components/schemas/HistoryEntry");
        assertThat(description.at("/paths/~1verdicts~1series/post/requestBody/content/text~1csv/schema/type").asText())
                .isEqualTo("string");
    }

    @Test
    void describesTheFredUploadByItsParts() {
        JsonNode form = description.at("/paths/~1backtests~1fred/post/requestBody/content/multipart~1form-data");
        assertThat(form.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/FredUpload");
        List<String> parts = new ArrayList<>(Arrays.stream(FredSeries.values()).map(Enum::name).toList());
        parts.addAll(List.of("policy", "from", "to", "view"));
        assertThat(fieldNames(description.at("/components/schemas/FredUpload/properties")))
                .containsExactlyInAnyOrderElementsOf(parts);
        assertThat(form.at("/encoding/WRESBAL/contentType").asText()).isEqualTo("text/csv");
    }

    @Test
    void asksForTheWeeksOfAKeptHistoryTheSameWayOnBothItsAnswers() {
        JsonNode shipped = description.at("/paths/~1backtests~1shipped/get/parameters");
        JsonNode watched = description.at("/paths/~1watch~1history/get/parameters");
        List<String> names = new ArrayList<>();
        shipped.forEach(parameter -> names.add(parameter.path("in").asText() + " " + parameter.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("query from", "query to", "query view", "query snapshots",
                "header Accept-Language", "query lang");
        assertThat(watched).isEqualTo(shipped);
        for (JsonNode parameter : shipped) {
            assertThat(parameter.path("description").asText()).as(parameter.path("name").asText()).isNotBlank();
        }
        assertThat(shipped.findValues("format")).extracting(JsonNode::asText).containsExactly("date", "date");
    }

    @Test
    void namesNoFrameworkOrJdkType() {
        List<String> names = fieldNames(description.at("/components/schemas"));
        assertThat(names).isNotEmpty().noneMatch(name -> name.contains(".")).noneMatch(FOREIGN::contains);
        // the description but its examples, whose rule texts may name Java's types as DRL does
        JsonNode withoutExamples = description.deepCopy();
        withoutExamples(withoutExamples);
        String text = withoutExamples.toString();
        for (String marker : List.of("java.", "jakarta.", "io.vertx", "org.jboss", "resteasy", "io.quarkus",
                "MultipartFormDataInput", "FileItem")) {
            assertThat(text).as("the description mentions " + marker).doesNotContain(marker);
        }
    }

    private static void withoutExamples(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("examples");
        }
        node.forEach(ApiDescriptionTest::withoutExamples);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
