package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The request and response examples of the API description ({@code examples/api/}, attached by
 * {@link ApiDescription}): each request is sent to the service, and its answer must be the kept one, but for what
 * changes from run to run (decision ids, load times, timings, ruleset versions). After a change that moves an
 * answer, rewrite them with {@code ./mvnw test -Dtest=ApiExamplesTest -Dapi-examples.write=true} and read the diff.
 */
@QuarkusTest
@TestProfile(RulesDraftsAndReloadTest.EditableRules.class)
class ApiExamplesTest {

    static final Path DIR = Path.of("examples/api");
    private static final boolean WRITE = Boolean.getBoolean("api-examples.write");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final List<String> VOLATILE = List.of("decisionId", "loadedAt", "evaluationMicros", "at",
            "compileMillis", "scenariosMillis", "judgingMillis");
    private static final String ADMIN = "Bearer " + RulesDraftsAndReloadTest.TOKEN;
    private static final String AUTHOR = "Bearer " + RulesDraftsAndReloadTest.AUTHOR;
    private static final String POINTS = """
            [{"asOf": "2025-10-08", "reserveBalancesBn": 3006.5, "fedTotalAssetsBn": 6600.8, "onRrpBalanceBn": 5.2,
              "onRrpPeakBn": 2553.7, "iorbPct": 4.15, "effrPct": 4.09, "sofrPct": 4.2, "targetRangeLowPct": 4.0,
              "targetRangeHighPct": 4.25, "srfTakeupBn": 0, "runoff": {"active": true, "treasuryCapBn": 5, "mbsCapBn": 35}},
             {"asOf": "2025-10-15", "reserveBalancesBn": 2978.3, "fedTotalAssetsBn": 6593.1, "onRrpBalanceBn": 8.4,
              "onRrpPeakBn": 2553.7, "iorbPct": 4.15, "effrPct": 4.11, "sofrPct": 4.29, "targetRangeLowPct": 4.0,
              "targetRangeHighPct": 4.25, "srfTakeupBn": 6.75, "runoff": {"active": true, "treasuryCapBn": 5, "mbsCapBn": 35}},
             {"asOf": "2025-10-22", "reserveBalancesBn": 3019.0, "fedTotalAssetsBn": 6596.5, "onRrpBalanceBn": 4.0,
              "onRrpPeakBn": 2553.7, "iorbPct": 4.15, "effrPct": 4.11, "sofrPct": 4.23, "targetRangeLowPct": 4.0,
              "targetRangeHighPct": 4.25, "srfTakeupBn": 8.35, "runoff": {"active": true, "treasuryCapBn": 5, "mbsCapBn": 35}}]
            """;
    private static final String POINTS_CSV = """
            asOf,reserveBalancesBn,fedTotalAssetsBn,onRrpBalanceBn,onRrpPeakBn,iorbPct,effrPct,sofrPct,targetRangeLowPct,targetRangeHighPct,srfTakeupBn,runoffActive,runoffTreasuryCapBn,runoffMbsCapBn
            2025-10-08,3006.5,6600.8,5.2,2553.7,4.15,4.09,4.2,4.0,4.25,0,true,5,35
            2025-10-15,2978.3,6593.1,8.4,2553.7,4.15,4.11,4.29,4.0,4.25,6.75,true,5,35
            2025-10-22,3019.0,6596.5,4.0,2553.7,4.15,4.11,4.23,4.0,4.25,8.35,true,5,35
            """;
    private static final String TYPO = """
            package rules;
            import dev.reservewatch.model.*;

            rule "A rule with a typo"
            when
                Market( excessReservesPct < 10.0
            then
            end
            """;

    @Test
    void judgeSeries() throws IOException {
        keepJson("judgeSeries.request.json", POINTS);
        keep("judgeSeries.request.csv", POINTS_CSV);
        Response json = given().contentType("application/json").body(POINTS).post("/verdicts/series");
        Response csv = given().contentType("text/csv").body(POINTS_CSV).post("/verdicts/series");
        assertThat(mask(csv)).isEqualTo(mask(json));
        answer("judgeSeries", json, 200);
    }

    @Test
    void backtestFred() throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("WRESBAL", "observation_date,WRESBAL\n2025-10-01,3006474\n2025-10-08,3006474\n2025-10-15,2978331\n"
                + "2025-10-22,3019028\n");
        parts.put("RRPONTSYD", "observation_date,RRPONTSYD\n2025-10-07,5.2\n2025-10-14,8.4\n2025-10-21,4.0\n");
        parts.put("EFFR", "observation_date,EFFR\n2025-10-07,4.09\n2025-10-14,4.11\n2025-10-21,4.11\n");
        parts.put("IORB", "observation_date,IORB\n2025-10-07,4.15\n2025-10-14,4.15\n2025-10-21,4.15\n");
        parts.put("WALCL", "observation_date,WALCL\n2025-10-01,6600766\n2025-10-08,6600766\n2025-10-15,6593085\n"
                + "2025-10-22,6596454\n");
        parts.put("SOFR", "observation_date,SOFR\n2025-10-07,4.20\n2025-10-14,4.29\n2025-10-21,4.23\n");
        parts.put("DFEDTARL", "observation_date,DFEDTARL\n2025-10-07,4.00\n2025-10-14,4.00\n2025-10-21,4.00\n");
        parts.put("DFEDTARU", "observation_date,DFEDTARU\n2025-10-07,4.25\n2025-10-14,4.25\n2025-10-21,4.25\n");
        parts.put("RPONTTLD", "observation_date,RPONTTLD\n2025-10-07,0\n2025-10-14,6.75\n2025-10-21,8.35\n");
        parts.put("from", "2025-10-08");
        parts.put("view", "compact");
        keepJson("backtestFred.request.multipart.json", JSON.writeValueAsString(parts));
        RequestSpecification request = given();
        parts.forEach((name, value) -> {
            if (name.equals(name.toUpperCase())) {
                request.multiPart(name, name + ".csv", value.getBytes(StandardCharsets.UTF_8), "text/csv");
            } else {
                request.multiPart(name, value);
            }
        });
        answer("backtestFred", request.post("/backtests/fred"), 200);
    }

    @Test
    void backtestShipped() throws IOException {
        answer("backtestShipped", given().get("/backtests/shipped?from=2025-10-01&to=2025-10-29"), 200);
    }

    @Test
    void getPolicyCalendar() throws IOException {
        answer("getPolicyCalendar", given().get("/backtests/policy-calendar"), 200);
    }

    @Test
    void listExamples() throws IOException {
        Response response = given().get("/examples");
        assertThat(response.statusCode()).isEqualTo(200);
        // the first two of the list: the article's snapshot and the latest shipped week with its history
        ArrayNode firstTwo = JSON.createArrayNode();
        JsonNode all = JSON.readTree(response.asByteArray());
        firstTwo.add(all.get(0)).add(all.get(1));
        compare("listExamples.response.json", firstTwo);
    }

    @Test
    void getRules() throws IOException {
        answer("getRules", given().get("/rules"), 200);
    }

    @Test
    void getRuleFile() throws IOException {
        Response response = given().get("/rules/files/inflation.drl");
        assertThat(response.statusCode()).isEqualTo(200);
        keepText("getRuleFile.response.txt", response.asString());
    }

    @Test
    void validateRules() throws IOException {
        keep("validateRules.request.txt", TYPO);
        keepJson("validateRules.request.json", JSON.writeValueAsString(Map.of("files", Map.of("typo.drl", TYPO))));
        Response text = given().header("Authorization", AUTHOR).contentType("text/plain").body(TYPO)
                .post("/rules/validate?file=typo.drl");
        Response json = given().header("Authorization", AUTHOR).contentType("application/json")
                .body(Map.of("files", Map.of("typo.drl", TYPO))).post("/rules/validate");
        assertThat(mask(json)).isEqualTo(mask(text));
        answer("validateRules", text, 200);
    }

    @Test
    void rulesImpact() throws IOException {
        String thresholds = Files.readString(Path.of("rules/thresholds.drl"))
                .replace("srfSpikeBn : double = 5.0", "srfSpikeBn : double = 7.0");
        ObjectNode body = JSON.createObjectNode();
        body.putObject("files").put("thresholds.drl", thresholds);
        body.set("points", JSON.readTree(POINTS));
        keepJson("rulesImpact.request.json", JSON.writeValueAsString(body));
        answer("rulesImpact", given().header("Authorization", AUTHOR).contentType("application/json")
                .body(JSON.writeValueAsString(body)).post("/rules/impact"), 200);
    }

    @Test
    void saveRuleFile() throws IOException {
        String notes = "package rules;\n\n// The desk's notes on the rules: no rule here yet.\n";
        keep("saveRuleFile.request.txt", notes);
        try {
            answer("saveRuleFile", given().header("Authorization", ADMIN).contentType("text/plain").body(notes)
                    .put("/rules/files/desk-notes.drl"), 200);
        } finally {
            Files.deleteIfExists(RulesDraftsAndReloadTest.DIR.resolve("desk-notes.drl"));
            given().header("Authorization", ADMIN).post("/rules/reload").then().statusCode(200);
        }
    }

    @Test
    void reloadRules() throws IOException {
        answer("reloadRules", given().header("Authorization", ADMIN).post("/rules/reload"), 200);
    }

    // ------------------------------------------------------------------ keeping and comparing

    private static void answer(String operation, Response response, int status) throws IOException {
        assertThat(response.statusCode()).as(operation + ": " + response.asString()).isEqualTo(status);
        compare(operation + ".response.json", JSON.readTree(response.asByteArray()));
    }

    private static void compare(String name, JsonNode live) throws IOException {
        Path file = DIR.resolve(name);
        if (WRITE) {
            Files.createDirectories(DIR);
            Files.writeString(file, JSON.writeValueAsString(live) + "\n");
        }
        assertThat(file).as("kept example " + file + " (write it with -Dapi-examples.write=true)").exists();
        assertThat(mask(JSON.readTree(file.toFile()))).as(file + " against the live answer").isEqualTo(mask(live));
    }

    /** A request example: its text is the test's, so it is written when asked and must match otherwise. */
    private static void keep(String name, String text) throws IOException {
        keepText(name, text);
    }

    private static void keepJson(String name, String json) throws IOException {
        keepText(name, JSON.writeValueAsString(JSON.readTree(json)) + "\n");
    }

    private static void keepText(String name, String text) throws IOException {
        Path file = DIR.resolve(name);
        if (WRITE) {
            Files.createDirectories(DIR);
            Files.writeString(file, text);
        }
        assertThat(file).as("kept example " + file + " (write it with -Dapi-examples.write=true)").exists();
        assertThat(Files.readString(file)).as(file.toString()).isEqualTo(text);
    }

    private static JsonNode mask(Response response) throws IOException {
        return mask(JSON.readTree(response.asByteArray()));
    }

    /** The answer without what changes from run to run. */
    private static JsonNode mask(JsonNode node) {
        JsonNode copy = node.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (VOLATILE.contains(field.getKey()) && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf("(varies)"));
                } else {
                    maskInPlace(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(VERSION.matcher(array.get(i).textValue()).replaceAll("sha256:(varies)")));
                } else {
                    maskInPlace(array.get(i));
                }
            }
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(VERSION.matcher(field.getValue().textValue())
                            .replaceAll("sha256:(varies)")));
                }
            });
        }
    }
}
