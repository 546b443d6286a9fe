package dev.reservewatch.api;

import static dev.reservewatch.api.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.reservewatch.bench.EchoBenchResource;

@QuarkusTest
class VerdictResourceTest {

    static final Path ARTICLE = Path.of("examples/2025-10-article.json");

    @TestHTTPResource("/")
    URI root;

    static byte[] article() throws IOException {
        return Files.readAllBytes(ARTICLE);
    }

    @Test
    void judgesTheArticleExample() throws IOException {
        given().contentType(ContentType.JSON).body(article())
                .when().post("/verdicts")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("asOf", is("2025-10-24"))
                .body("regime", is("SCARCE"))
                .body("actions.code", hasItems("END_RUNOFF", "REINVEST_INTO_BILLS"))
                .body("actions[0].because", hasItem("EXCESS_RESERVES_SCARCE"))
                .body("signals.code", hasItems("EXCESS_RESERVES_SCARCE", "ON_RRP_DEPLETED", "FUNDING_SPREAD_WIDENING",
                        "REPO_ABOVE_CEILING", "SRF_TAKEUP_SPIKE"))
                .body("explanation", startsWith("As of 2025-10-24, reserves are SCARCE"))
                .body("firedRules.file", hasItem("reserves.drl"))
                .body("missingInputs", is(java.util.List.of("bankTotalAssetsBn", "history", "sofr1Pct", "sofr25Pct",
                        "sofr75Pct", "sofr99Pct", "tgcrPct")))
                .body("ruleset.version", startsWith("sha256:"))
                .body("ruleset.loadedAt", containsString("T"))
                .body("evaluationMicros", greaterThanOrEqualTo(0));
    }

    @Test
    void carriesTheWatchlistUnlessTheCompactViewIsAskedFor() throws IOException {
        given().contentType(ContentType.JSON).body(article())
                .when().post("/verdicts")
                .then().statusCode(200)
                .body("watchlist[0].firing", is(true))
                .body("watchlist.find { it.signal == 'EXCESS_RESERVES_SCARCE' }.distance", is(-0.2f))
                .body("watchlist.find { it.signal == 'EXCESS_RESERVES_SCARCE' }.fires", is("BELOW"))
                .body("explanation", containsString("Nearest trigger not firing yet"));
        given().contentType(ContentType.JSON).body(article()).queryParam("view", "compact")
                .when().post("/verdicts")
                .then().statusCode(200)
                .body("$", not(hasKey("watchlist")))
                .body("regime", is("SCARCE"));
        given().contentType(ContentType.JSON).body(article()).queryParam("view", "tiny")
                .when().post("/verdicts")
                .then().statusCode(400).body("errors[0].field", is("view"));
    }

    @Test
    void rejectsBadFieldsWithAProblemNamingEachOne() {
        given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"2025-10-24\", \"reserveBalancesBn\": -5, \"effrPtc\": 5.2, \"sofrPct\": \"5.1\"}")
                .when().post("/verdicts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400))
                .body("title", not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("errors.field", hasItems("reserveBalancesBn", "effrPtc", "sofrPct"))
                .body("errors.find { it.field == 'effrPtc' }.message", containsString("did you mean 'effrPct'"))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void rejectsMalformedJsonAndRepeatedKeys() {
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-10-24\", \"effrPct\": 5.2, \"effrPct\": 5.3}")
                .when().post("/verdicts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("effrPct"));
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-10-")
                .when().post("/verdicts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("asOf"))
                .body("errors[0].message", containsString("malformed JSON at line 1"));
        given().contentType(ContentType.JSON).body("")
                .when().post("/verdicts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void refusesAWrongContentType() throws IOException {
        given().contentType(ContentType.XML).body(article())
                .when().post("/verdicts")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", is(415));
        given().contentType(ContentType.TEXT).body(article())
                .when().post("/verdicts")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void answersABodyDeclaredAboveTheHardCapWithAProblemBeforeItIsSent() throws IOException {
        // 40,000,000 bytes declared, above quarkus.http.limits.max-body-size (32M); only the headers go out
        try (Socket socket = RawHttp.open(root)) {
            OutputStream out = socket.getOutputStream();
            out.write(RawHttp.postHead("/verdicts", "application/json", 40_000_000));
            out.write('{');
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("connection: close")
                    .contains("\"status\":413")
                    .contains("The body is 40000000 bytes; the limit is 33554432 bytes (quarkus.http.limits.max-body-size");
        }
    }

    @Test
    void refusesABodyAboveTheLimitAndLetsAClientThatSendsItAnywayGoOn() throws IOException {
        // 1 MiB + 1 byte, above limits.verdict-body (1M): answered as soon as the headers are in, without "close"
        byte[] body = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        try (Socket socket = RawHttp.open(root)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(RawHttp.postHead("/verdicts", "application/json", body.length));
            out.flush();
            RawHttp.Answer refused = RawHttp.read(in);
            assertThat(refused.head()).startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .doesNotContainIgnoringCase("connection: close");
            assertThat(refused.body()).contains("limits.verdict-body");

            // as most clients do, the whole body goes out after the answer: it is read and dropped, not cut off
            out.write(body);
            out.write(RawHttp.postHead("/verdicts", "application/json", article().length));
            out.write(article());
            out.flush();
            RawHttp.Answer judged = RawHttp.read(in);
            assertThat(judged.head()).as("the next request on the same connection").startsWith("HTTP/1.1 200");
            assertThat(judged.body()).contains("\"regime\":\"SCARCE\"");
        }
    }

    @Test
    void refusesADeclaredBodyAboveItsLimitHoweverThePathIsSpelt() throws IOException {
        // the resources answer these spellings too, so the limit must hold for each; only the headers go out
        Map<String, String> limitOf = new LinkedHashMap<>();
        for (String path : List.of("/verdicts/", "//verdicts", "/%76erdicts", "/rules/../verdicts")) {
            limitOf.put("POST " + path, "limits.verdict-body");
        }
        limitOf.put("POST /backtests/fred/", "limits.series-body");
        limitOf.put("PUT /rules/files/a.drl", "limits.validate-body");
        for (Map.Entry<String, String> request : limitOf.entrySet()) {
            String[] methodAndPath = request.getKey().split(" ");
            try (Socket socket = RawHttp.open(root)) {
                OutputStream out = socket.getOutputStream();
                out.write((methodAndPath[0] + " " + methodAndPath[1] + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: " + (17 << 20) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
                assertThat(answer.head()).as(request.getKey()).startsWith("HTTP/1.1 413");
                assertThat(answer.body()).as(request.getKey()).contains(request.getValue());
            }
        }
    }

    @Test
    void closesTheConnectionOnABodyRefusedBeforeTheClientSentIt() throws IOException {
        // Expect: 100-continue: the client holds the body back until told to send it, so none will follow
        try (Socket socket = RawHttp.open(root)) {
            OutputStream out = socket.getOutputStream();
            out.write(RawHttp.postHead("/verdicts", "application/json", 1024 * 1024 + 1, "Expect: 100-continue"));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close")
                    .contains("limits.verdict-body");
        }
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblems() {
        given().when().get("/verdicts")
                .then().statusCode(405).contentType("application/problem+json");
        given().when().get("/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void servesTheBenchmarkEndpointsOnlyInTheBenchBuild() throws IOException {
        // dev.reservewatch.bench.EchoBenchResource is built with -Dquarkus.profile=bench only (bench/http.sh)
        for (String path : new String[] { "/bench/echo", "/bench/verdict-body" }) {
            given().contentType(ContentType.JSON).body(article())
                    .when().post(path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void isLiveAndReadyOnceTheRulesAreLoaded() {
        management().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        management().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.find { it.name == 'ruleset' }.data.version", startsWith("sha256:"));
    }

    @Test
    void servesHealthMetricsAndTheApiDescriptionOnlyOnTheManagementPort() {
        for (String path : java.util.List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().when().get(path).then().statusCode(404);
            management().when().get(path).then().statusCode(200);
        }
        // Swagger UI: never on the API port; outside dev and test mode not at all (no always-include)
        given().when().get("/q/swagger-ui").then().statusCode(404);
        assertThat(ConfigProvider.getConfig().getOptionalValue("quarkus.swagger-ui.always-include", Boolean.class))
                .as("Swagger UI is for dev mode only").isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void countsDroppedDecisionLogLinesInTheMetrics() {
        management().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("decision_log_dropped_total 0.0"));
    }

    @Test
    void namesEachVerdictWithADecisionId() throws IOException {
        String header = given().contentType(ContentType.JSON).body(article())
                .when().post("/verdicts")
                .then().statusCode(200).extract().header("X-Decision-Id");
        org.assertj.core.api.Assertions.assertThat(header).matches("[0-9a-f-]{36}");
    }

    @Test
    void exampleMatchesTheShippedScenario() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(mapper.readTree(Files.readAllBytes(Path.of("rules/scenarios/2025-10-article-alarm.json")))
                .get("snapshot"), mapper.readTree(article()));
    }

    private static void assertEquals(Object expected, Object actual) {
        org.assertj.core.api.Assertions.assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyFieldErrorIsListedInOrder() {
        given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"2025-13-01\", \"largeBankExcessReserveRatioPct\": 101, \"targetRangeLowPct\": 5.5,"
                        + " \"targetRangeHighPct\": 5.25}")
                .when().post("/verdicts")
                .then().statusCode(400)
                .body("errors.field", hasItems("asOf", "largeBankExcessReserveRatioPct", "targetRangeLowPct"))
                .body("errors.message", everyItem(not(containsString("{"))));
    }
}
