package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Every verdict leaves one JSON line in the decision log, under the id the response carries. */
@QuarkusTest
@TestProfile(VerdictLoggingTest.LogToFile.class)
class VerdictLoggingTest {

    static final Path LOG = Path.of("target/decision-log-test/decisions.jsonl");

    public static class LogToFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("decisions.log.enabled", "true", "decisions.log.file", LOG.toString());
        }
    }

    @Test
    void writesOneLinePerVerdictUnderTheDecisionId() throws Exception {
        String[] ids = new String[20];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = given().contentType(ContentType.JSON).body(Files.readAllBytes(Path.of("examples/2025-10-article.json")))
                    .when().post("/verdicts")
                    .then().statusCode(200).extract().header("X-Decision-Id");
        }
        String bodyId = given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-10-24\"}")
                .when().post("/verdicts").then().statusCode(200).extract().path("decisionId");
        // the input goes into the line as sent: CRLF line breaks and a byte order mark must not break the line
        String crlf = "\uFEFF{\r\n  \"asOf\": \"2025-10-24\",\r\n  \"onRrpBalanceBn\": 5.5\r\n}\r\n";
        String crlfId = given().contentType(ContentType.JSON).body(crlf.getBytes(StandardCharsets.UTF_8))
                .when().post("/verdicts").then().statusCode(200).extract().header("X-Decision-Id");
        // a UTF-16 body, which Jackson reads too, goes into the UTF-8 line serialised again
        String utf16Id = given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"2025-10-24\", \"iorbPct\": 4.15}".getBytes(StandardCharsets.UTF_16BE))
                .when().post("/verdicts").then().statusCode(200).extract().header("X-Decision-Id");

        List<JsonNode> lines = awaitLines(ids.length + 3);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = lines.get(0);
        assertThat(first.get("decisionId").asText()).isEqualTo(ids[0]);
        assertThat(first.get("time").asText()).contains("T");
        assertThat(first.get("rulesetVersion").asText()).startsWith("sha256:");
        assertThat(mapper.convertValue(first.get("actions"), List.class)).containsExactly("END_RUNOFF", "REINVEST_INTO_BILLS");
        assertThat(mapper.convertValue(first.get("signals"), List.class)).contains("EXCESS_RESERVES_SCARCE");
        assertThat(mapper.convertValue(first.get("firedRules"), List.class)).contains("End runoff when reserves turn scarce");
        assertThat(first.get("input").get("largeBankExcessReserveRatioPct").asDouble()).isEqualTo(9.8);
        assertThat(lines).extracting(line -> line.get("decisionId").asText()).contains(ids).contains(bodyId)
                .doesNotHaveDuplicates();
        JsonNode crlfLine = lineWithId(lines, crlfId);
        assertThat(crlfLine.get("input").get("onRrpBalanceBn").asDouble()).isEqualTo(5.5);
        assertThat(crlfLine.get("input").get("asOf").asText()).isEqualTo("2025-10-24");
        JsonNode utf16Line = lineWithId(lines, utf16Id);
        assertThat(utf16Line.get("input").get("iorbPct").asDouble()).isEqualTo(4.15);
    }

    private static JsonNode lineWithId(List<JsonNode> lines, String id) {
        return lines.stream().filter(line -> line.get("decisionId").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no decision log line for " + id));
    }

    private static List<JsonNode> awaitLines(int count) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<String> text = Files.exists(LOG) ? Files.readAllLines(LOG) : List.of();
            if (text.size() >= count || System.currentTimeMillis() > deadline) {
                assertThat(text).hasSize(count);
                return text.stream().map(line -> {
                    try {
                        return mapper.readTree(line);
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON line: " + line, e);
                    }
                }).toList();
            }
            Thread.sleep(50);
        }
    }
}
