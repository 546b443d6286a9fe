package dev.reservewatch.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.reservewatch.service.SeriesCsv;

/**
 * What the console stands on, without a browser: its pages and assets come from the service itself under a
 * Content-Security-Policy of its own origin, and the endpoints it added answer as the API documents them
 * (examples, rule files, the policy calendar, snapshots in a series' answer, the watch).
 */
@QuarkusTest
class ConsoleAssetsTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

    @Test
    void servesThePagesAndTheirAssetsFromTheServiceUnderItsOwnOrigin() {
        for (String page : List.of("/", "/history.html", "/rules.html", "/watch.html")) {
            String html = given().when().get(page)
                    .then().statusCode(200).contentType(containsString("text/html"))
                    .header("Content-Security-Policy", startsWith(CSP))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", is("nosniff"))
                    .body(containsString("<nav class=\"console\" aria-label=\"Console\">"))
                    .extract().asString();
            // no inline script or style, and nothing from another host
            assertThat(html).doesNotContain("<script>").doesNotContain("style=").doesNotContain("http://")
                    .doesNotContain("https://");
            for (String link : List.of(">Judge<", ">History<", ">Rules<", ">Watch<")) {
                assertThat(html).as(page + " links " + link).contains(link);
            }
        }
        for (String asset : List.of("/webjars/uplot/dist/uPlot.iife.min.js", "/webjars/uplot/dist/uPlot.min.css",
                "/webjars/codemirror/lib/codemirror.js", "/webjars/codemirror/lib/codemirror.css",
                "/webjars/codemirror/mode/clike/clike.js", "/console/judge.js", "/console/history.js",
                "/console/rules.js", "/console/watch.js", "/console/common.js", "/console/fields.js", "/console/console.css",
                "/console/icon.svg")) {
            given().when().get(asset).then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body("{}").when().post("/verdicts")
                .then().statusCode(400).header("Content-Security-Policy", startsWith(CSP));
    }

    @Test
    void namesEveryFormInputByTheContractsFieldName() throws IOException {
        // the figures' fields are generated from the catalogue (ConsoleFieldsTest); the date is in the page itself
        assertThat(Files.readString(Path.of("src/main/resources/META-INF/resources/index.html")))
                .contains("name=\"asOf\"");
        String fields = Files.readString(ConsoleFieldsTest.FIELDS);
        for (String name : SeriesCsv.columns()) {
            assertThat(name.equals("asOf") || fields.contains("'" + name + "'")).as("the form's field " + name).isTrue();
        }
    }

    @Test
    void offersSnapshotsToStartFrom() {
        JsonPath examples = given().when().get("/examples")
                .then().statusCode(200).body("[0].id", is("article"))
                .body("[0].snapshot.largeBankExcessReserveRatioPct", is(9.8f))
                .body("id", hasItem("scenario:2025-10-article-alarm.json"))
                .extract().jsonPath();
        assertThat(examples.getString("find { it.id == 'latest-week' }.snapshot.asOf")).isEqualTo("2026-06-03");
        assertThat(examples.getList("find { it.id == 'latest-week' }.snapshot.history")).hasSize(28);
        // each example is a snapshot the service judges as it stands
        for (int i = 0; i < examples.getList("$").size(); i++) {
            given().contentType(ContentType.JSON).body(examples.getMap("[" + i + "].snapshot"))
                    .when().post("/verdicts").then().statusCode(200);
        }
    }

    @Test
    void servesTheTextOfAnActiveRuleFile() throws IOException {
        String text = given().when().get("/rules/files/reserves.drl")
                .then().statusCode(200).contentType(containsString("text/plain")).extract().asString();
        assertThat(text).isEqualTo(Files.readString(Path.of("rules/reserves.drl")));
        given().when().get("/rules/files/no-such.drl")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no-such.drl"));
        int status = given().urlEncodingEnabled(false).when().get("/rules/files/..%2Fpom.xml")
                .then().body(not(containsString("<project"))).extract().statusCode();
        assertThat(status).isIn(400, 404);
    }

    @Test
    void listsTheScenariosEachRuleFiresIn() {
        given().when().get("/rules")
                .then().statusCode(200)
                .body("writable", is(true))
                .body("files.find { it.name == 'reserves.drl' }.rules.find { it.name == "
                        + "'Excess reserves below the scarcity line' }.firesIn",
                        hasItem("2025-10: the article's systemic liquidity alarm"));
    }

    @Test
    void servesTheShippedPolicyCalendar() {
        given().when().get("/backtests/policy-calendar")
                .then().statusCode(200)
                .body("events[0].date", is("2017-10-01"))
                .body("events.find { it.date == '2025-12-01' }.active", is(false))
                .body("events.find { it.date == '2020-03-15' }.purchasesActive", is(true));
    }

    @Test
    void addsTheJudgedSnapshotsToASeriesAnswerWhenAsked() {
        String csv = "asOf,reserveBalancesBn\n2025-10-22,3019\n2025-10-08,3050\n2025-10-15,3030\n";
        given().contentType("text/csv").body(csv).when().post("/verdicts/series?view=compact")
                .then().statusCode(200).body("$", not(hasKey("snapshots")));
        given().contentType("text/csv").body(csv).when().post("/verdicts/series?view=compact&snapshots=true")
                .then().statusCode(200)
                .body("snapshots.asOf", is(List.of("2025-10-08", "2025-10-15", "2025-10-22")))
                .body("snapshots[2].reserveBalancesBn", is(3019.0f));
        JsonPath shipped = given().when().get("/backtests/shipped?from=2025-10-01&to=2025-10-29&snapshots=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(shipped.getList("snapshots.asOf")).isEqualTo(shipped.getList("verdicts.asOf"))
                .hasSize(shipped.getInt("points"));
    }

    @Test
    void servesTheWatchPageWithItsTokenKeptOutOfUrlsAndStorage() {
        // the answer the page reads, off in the default profile, under the same policy
        given().when().get("/watch").then().statusCode(200).header("Content-Security-Policy", startsWith(CSP))
                .body("enabled", is(false)).body("status", is("OFF"));
        given().when().get("/console/watch.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("'/watch/refresh'")).body(not(containsString("localStorage")))
                .body(not(containsString("sessionStorage")));
        String page = given().when().get("/watch.html").then().statusCode(200).extract().asString();
        // the token's input has no name: a form submitted without the script never puts it in a URL
        assertThat(page).containsPattern("<input type=\"password\" id=\"token\"(?![^>]*name=)[^>]*>");
    }
}
