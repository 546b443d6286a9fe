package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * {@code POST /rules/impact}: a draft judged against the shipped weekly history, or against points sent with it,
 * beside the active rules, on the same rules copy and tokens as {@link RulesDraftsAndReloadTest}.
 */
@QuarkusTest
@TestProfile(RulesDraftsAndReloadTest.EditableRules.class)
class RulesImpactTest {

    @TestHTTPResource("/")
    URI root;

    private static final Path THRESHOLDS = Path.of("rules/thresholds.drl");

    private static RequestSpecification author() {
        return given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.AUTHOR).contentType(ContentType.JSON);
    }

    /** The shipped thresholds with one line's value replaced. */
    private static String thresholdsWith(String field, String from, String to) throws IOException {
        String text = Files.readString(THRESHOLDS);
        String line = field + " : double = " + from;
        assertThat(text).as("thresholds.drl sets " + line).contains(line);
        return text.replace(line, field + " : double = " + to);
    }

    @Test
    void aThresholdEditShowsTheWeeksItChangesAndTheScenarioItBreaks() throws IOException {
        String active = given().when().get("/rules").then().extract().path("version");
        JsonPath impact = author().body(Map.of("files", Map.of("thresholds.drl",
                        thresholdsWith("srfSpikeBn", "5.0", "60.0"))))
                .when().post("/rules/impact")
                .then().statusCode(200)
                .body("valid", is(true))
                .body("wouldActivate", is(false))
                .body("errors", empty())
                .body("activeVersion", is(active))
                .body("draftVersion", not(active))
                .body("source", is("the shipped weekly history"))
                .body("points", greaterThan(400))
                .extract().jsonPath();

        // the article's alarm counts on a $42bn take-up being a spike; at $60bn it is none
        Map<String, Object> article = impact.getMap("scenarios.find { it.name.contains('article') }");
        assertThat(article).as("the article's scenario under the draft").isNotNull();
        assertThat(article.get("passed")).isEqualTo(false);
        assertThat((String) article.get("message")).contains("SRF_TAKEUP_SPIKE");
        assertThat(impact.getList("scenarios.findAll { it.passed }")).as("scenarios the edit does not touch")
                .isNotEmpty();

        // FRED: $10.3bn on 2025-10-29, $50.35bn in the week to 2025-11-05: spikes at $5bn, none at $60bn
        List<String> dates = impact.getList("differences.asOf");
        assertThat(dates).contains("2025-10-29", "2025-11-05").hasSize(impact.getInt("changed"));
        Map<String, Object> week = impact.getMap("differences.find { it.asOf == '2025-11-05' }");
        assertThat(codes(week, "active", "signals")).contains("SRF_TAKEUP_SPIKE");
        assertThat(codes(week, "draft", "signals")).doesNotContain("SRF_TAKEUP_SPIKE");
        // no week before the standing repo facility existed can change
        assertThat(dates).allMatch(date -> date.compareTo("2021-07-28") >= 0);
        assertThat(impact.getLong("timings.compileMillis")).isPositive();
        assertThat(impact.getLong("timings.judgingMillis")).isPositive();

        given().when().get("/rules").then().body("version", is(active));
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> difference, String side, String kind) {
        return (List<String>) ((Map<String, Object>) difference.get(side)).get(kind);
    }

    @Test
    void anEditThatChangesNothingSaysSoAndWouldGoLive() throws IOException {
        author().body(Map.of("files", Map.of("thresholds.drl", Files.readString(THRESHOLDS) + "\n// reviewed\n")))
                .when().post("/rules/impact")
                .then().statusCode(200)
                .body("valid", is(true))
                .body("wouldActivate", is(true))
                .body("changed", is(0))
                .body("differences", empty())
                .body("scenarios.findAll { !it.passed }", empty());
    }

    @Test
    void aDraftThatDoesNotCompileIsReportedAsValidateReportsIt() {
        author().body(Map.of("files", Map.of("typo.drl", """
                        package rules;
                        import dev.reservewatch.model.*;

                        rule "A rule with a typo"
                        when
                            Market( excessReservesPct < 10.0 )
                        then
                        end
                        """)))
                .when().post("/rules/impact")
                .then().statusCode(200)
                .body("valid", is(false))
                .body("wouldActivate", is(false))
                .body("errors[0].file", is("typo.drl"))
                .body("errors[0].line", is(6))
                .body("errors[0].column", is(4))
                .body("points", is(0))
                .body("scenarios", empty());
    }

    @Test
    void aConsequenceThatThrowsIsAnImpactErrorNamingTheRule() {
        author().body(Map.of("files", Map.of("broken.drl", """
                        package rules;
                        import dev.reservewatch.model.*;

                        rule "Throws once reserves are known"
                        when
                            Market( reserveBalancesBn != null )
                        then
                            if (true) { throw new IllegalStateException("not yet written"); }
                        end
                        """)))
                .when().post("/rules/impact")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("valid", is(false))
                .body("errors[0].file", is("broken.drl"))
                .body("errors[0].line", is(4))
                .body("errors[0].message", containsString("Throws once reserves are known"))
                .body("errors[0].message", containsString("not yet written"))
                .body("errors[0].message", startsWith("while judging 2018-01-03"))
                .body("scenarios.find { it.name.contains('article') }.passed", is(false))
                .body(not(containsString("\tat ")));
    }

    @Test
    void aRuleThatKeepsFiringIsStoppedByTheFiringLimitAndNamed() {
        author().body(Map.of("files", Map.of("loop.drl", """
                        package rules;
                        import dev.reservewatch.model.*;

                        rule "Touches the market forever"
                        when
                            $market : Market()
                        then
                            update($market);
                        end
                        """)))
                .when().post("/rules/impact")
                .then().statusCode(200)
                .body("valid", is(false))
                .body("errors[0].file", is("loop.drl"))
                .body("errors[0].message", containsString("Touches the market forever"))
                .body("errors[0].message", containsString("kept firing"));
        // the service goes on judging with the active rules
        given().contentType(ContentType.JSON).body(Path.of("examples/2025-10-article.json").toFile())
                .when().post("/verdicts").then().statusCode(200);
    }

    @Test
    void judgesThePointsSentInsteadOfTheShippedHistory() throws IOException {
        String draft = thresholdsWith("excessReserveScarcityPct", "10.0", "9.5");
        List<Map<String, Object>> points = List.of(
                Map.of("asOf", "2025-10-24", "largeBankExcessReserveRatioPct", 9.8),
                Map.of("asOf", "2025-10-17", "largeBankExcessReserveRatioPct", 10.4),
                Map.of("asOf", "2025-10-31", "largeBankExcessReserveRatioPct", 9.2));
        JsonPath impact = author().body(Map.of("files", Map.of("thresholds.drl", draft), "points", points))
                .when().post("/rules/impact")
                .then().statusCode(200)
                .body("valid", is(true))
                .body("source", is("the points sent"))
                .body("points", is(3))
                .body("changed", is(1))
                .body("differences[0].asOf", is("2025-10-24"))
                .extract().jsonPath();
        assertThat(impact.getList("differences[0].active.signals", String.class)).contains("EXCESS_RESERVES_SCARCE");
        assertThat(impact.getList("differences[0].draft.signals", String.class))
                .doesNotContain("EXCESS_RESERVES_SCARCE");

        String csv = "asOf,largeBankExcessReserveRatioPct\n2025-10-17,10.4\n2025-10-24,9.8\n2025-10-31,9.2\n";
        author().body(Map.of("files", Map.of("thresholds.drl", draft), "pointsCsv", csv))
                .when().post("/rules/impact")
                .then().statusCode(200)
                .body("points", is(3))
                .body("changed", is(1))
                .body("differences[0].asOf", is("2025-10-24"));
    }

    @Test
    void namesABadPointByItsPlaceInTheBody() {
        author().body(Map.of("files", Map.of("a.drl", "package rules;"),
                        "points", List.of(Map.of("asOf", "2025-10-24"), Map.of("asOf", "2025-10-31", "effrPct", "high"))))
                .when().post("/rules/impact")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("points[1].effrPct"));
    }

    @Test
    void refusesABodyDeclaredAboveTheSeriesLimitBeforeItIsSent() throws IOException {
        // 17,000,000 bytes declared, above limits.series-body (16M); only the headers go out
        try (Socket socket = RawHttp.open(root)) {
            OutputStream out = socket.getOutputStream();
            out.write(RawHttp.postHead("/rules/impact", "application/json", 17_000_000,
                    "Authorization: Bearer " + RulesDraftsAndReloadTest.AUTHOR));
            out.write('{');
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("the limit is 16777216 bytes (limits.series-body)");
        }
    }

    @Test
    void runsNothingForACallerWithoutTheRulesToken() {
        for (String authorization : new String[] { null, "Bearer not-the-token", "Basic " + RulesDraftsAndReloadTest.AUTHOR }) {
            RequestSpecification request = given().contentType(ContentType.JSON)
                    .body(Map.of("files", Map.of("loop.drl", "package rules;")));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.when().post("/rules/impact")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("detail", not(nullValue()));
        }
        given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("empty.drl", "package rules;")))
                .when().post("/rules/impact")
                .then().statusCode(200).body("valid", is(true)).body("changed", is(0));
    }
}
