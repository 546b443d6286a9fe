package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SeriesResourceTest {

    @TestHTTPResource("/")
    URI root;

    private static String point(String asOf, double sofr, double onRrp) {
        return """
                {"asOf": "%s", "reserveBalancesBn": 2950, "fedTotalAssetsBn": 6600, "onRrpBalanceBn": %s,
                 "onRrpPeakBn": 2554, "iorbPct": 4.15, "effrPct": 4.09, "sofrPct": %s,
                 "targetRangeLowPct": 4.0, "targetRangeHighPct": 4.25, "runoff": {"active": true, "treasuryCapBn": 5, "mbsCapBn": 35}}
                """.formatted(asOf, onRrp, sofr);
    }

    @Test
    void judgesAJsonSeriesInDateOrderAndListsTheChanges() {
        String body = "[" + point("2025-10-22", 4.25, 4) + "," + point("2025-09-03", 4.05, 300) + ","
                + point("2025-10-01", 4.13, 30) + "]";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/verdicts/series")
                .then().statusCode(200)
                .body("verdicts", hasSize(3))
                .body("verdicts.asOf", is(java.util.List.of("2025-09-03", "2025-10-01", "2025-10-22")))
                .body("verdicts[0].actions.code", is(java.util.List.of("SLOW_RUNOFF")))
                .body("verdicts[2].actions.code", hasItem("END_RUNOFF"))
                .body("verdicts[2].missingInputs", org.hamcrest.Matchers.not(hasItem("history")))
                .body("changes[0].asOf", notNullValue())
                .body("changes.to", hasItem(hasItem("END_RUNOFF")))
                .body("decisionId", notNullValue());
    }

    @Test
    void answersCompactlyWhenAsked() {
        given().contentType(ContentType.JSON).queryParam("view", "compact")
                .body("[" + point("2025-10-22", 4.25, 4) + "]")
                .when().post("/verdicts/series")
                .then().statusCode(200)
                .body("verdicts[0].actions", hasItem("END_RUNOFF"))
                .body("verdicts[0].explanation", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void judgesACsvSeries() {
        String csv = """
                asOf,reserveBalancesBn,fedTotalAssetsBn,onRrpBalanceBn,onRrpPeakBn,iorbPct,effrPct,sofrPct,targetRangeLowPct,targetRangeHighPct,runoffActive,runoffTreasuryCapBn,runoffMbsCapBn
                2025-10-15,3019,6600,5,2554,4.15,4.10,4.29,4.00,4.25,true,5,35
                2025-10-22,2933,6590,4,2554,4.15,4.11,4.21,4.00,4.25,true,5,35
                """;
        given().contentType("text/csv").body(csv)
                .when().post("/verdicts/series")
                .then().statusCode(200)
                .body("verdicts", hasSize(2))
                .body("verdicts[1].actions.code", hasItem("END_RUNOFF"));
    }

    @Test
    void refusesDuplicateDatesUnknownColumnsAndBadCells() {
        given().contentType(ContentType.JSON).body("[" + point("2025-10-22", 4.2, 4) + "," + point("2025-10-22", 4.2, 4) + "]")
                .when().post("/verdicts/series")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("asOf 2025-10-22"));
        given().contentType("text/csv").body("asOf,reserveBalanceBn\n2025-10-22,1\n")
                .when().post("/verdicts/series")
                .then().statusCode(400).body("errors[0].field", is("line 1, column reserveBalanceBn"));
        given().contentType("text/csv").body("asOf,effrPct\n2025-10-22,4.1\n2025-10-29,x\n")
                .when().post("/verdicts/series")
                .then().statusCode(400).body("errors[0].field", is("line 3, column 2 (effrPct)"));
        given().contentType(ContentType.JSON).body("[{\"asOf\": \"2025-10-22\", \"effrPct\": \"x\"}]")
                .when().post("/verdicts/series")
                .then().statusCode(400).body("errors[0].field", is("[0].effrPct"));
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-10-22\"}")
                .when().post("/verdicts/series")
                .then().statusCode(400).body("detail", containsString("JSON array"));
    }

    @Test
    void refusesMoreThanTenThousandPoints() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            body.append(i == 0 ? "" : ",").append("{\"asOf\":\"").append(java.time.LocalDate.of(2000, 1, 1).plusDays(i)).append("\"}");
        }
        given().contentType(ContentType.JSON).body(body.append("]").toString())
                .when().post("/verdicts/series")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("10001 points; the limit is 10000"));
    }

    @Test
    void backtestsFredDownloadsWithThePolicyCalendar() throws Exception {
        Path dir = Files.createTempDirectory("fred");
        Files.writeString(dir.resolve("WRESBAL.csv"), "observation_date,WRESBAL\n2025-10-15,3019000\n2025-10-22,2933037\n");
        Files.writeString(dir.resolve("WALCL.csv"), "observation_date,WALCL\n2025-10-15,6600000\n2025-10-22,6589533\n");
        Files.writeString(dir.resolve("RRPONTSYD.csv"), "DATE,RRPONTSYD\n2022-12-30,2553.716\n2025-10-15,5.5\n2025-10-22,4.0\n");
        Files.writeString(dir.resolve("SOFR.csv"), "Date,Value\n2025-10-15,4.29\n2025-10-22,4.21\n");
        Files.writeString(dir.resolve("EFFR.csv"), "Date,Value\n2025-10-15,4.10\n2025-10-22,4.11\n");
        Files.writeString(dir.resolve("IORB.csv"), "Date,Value\n2025-10-15,4.15\n2025-10-22,4.15\n");
        given().multiPart("WRESBAL", dir.resolve("WRESBAL.csv").toFile())
                .multiPart("WALCL", dir.resolve("WALCL.csv").toFile())
                .multiPart("RRPONTSYD", dir.resolve("RRPONTSYD.csv").toFile())
                .multiPart("SOFR", dir.resolve("SOFR.csv").toFile())
                .multiPart("EFFR", dir.resolve("EFFR.csv").toFile())
                .multiPart("IORB", dir.resolve("IORB.csv").toFile())
                .multiPart("from", "2025-10-15")
                .when().post("/backtests/fred")
                .then().statusCode(200)
                .body("verdicts.asOf", is(java.util.List.of("2025-10-15", "2025-10-22")))
                .body("verdicts[1].actions", hasItems("END_RUNOFF", "REINVEST_INTO_BILLS"))
                .body("verdicts[1].missingInputs", hasItem("targetRangeHighPct"));
    }

    @Test
    void refusesUnknownFredSeries() throws Exception {
        Path file = Files.createTempFile("gdp", ".csv");
        Files.writeString(file, "observation_date,GDP\n2025-07-01,30000\n");
        given().multiPart("GDP", file.toFile())
                .when().post("/backtests/fred")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("GDP"))
                .body("errors[0].message", containsString("WRESBAL"));
    }

    @Test
    void boundsAFredBacktestsDateRangeBeforeBuildingAnyPoint() throws Exception {
        Path file = Files.createTempFile("wresbal", ".csv");
        Files.writeString(file, "observation_date,WRESBAL\n2025-10-15,3019000\n2025-10-22,2933037\n");
        // the widest range there is over two rows: clamped to the data, not three centuries of points
        long started = System.nanoTime();
        given().multiPart("WRESBAL", file.toFile())
                .multiPart("from", "1900-01-01").multiPart("to", "2199-12-31")
                .when().post("/backtests/fred")
                .then().statusCode(200).body("points", is(2));
        // a range of two billion years: refused, naming the dates that may be asked for
        given().multiPart("WRESBAL", file.toFile())
                .multiPart("from", "-999999999-01-01").multiPart("to", "+999999999-12-31")
                .when().post("/backtests/fred")
                .then().statusCode(400).body("errors[0].field", is("from"))
                .body("errors[0].message", containsString("from 1900-01-01 to 2199-12-31"));
        given().multiPart("WRESBAL", file.toFile()).multiPart("from", "2025-10-16").multiPart("to", "2025-10-21")
                .when().post("/backtests/fred")
                .then().statusCode(400).body("errors[0].field", is("from"));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));
        given().contentType(ContentType.JSON).body(point("2025-10-22", 4.21, 4.0))
                .when().post("/verdicts").then().statusCode(200);
    }

    @Test
    void refusesAFredRangeWithMorePointsThanTheLimit() throws Exception {
        Path file = Files.createTempFile("rrp", ".csv");
        Files.writeString(file, "DATE,RRPONTSYD\n1900-01-01,1\n2199-12-31,4.0\n");
        given().multiPart("RRPONTSYD", file.toFile())
                .when().post("/backtests/fred")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("weekly points; the limit is 10000"));
    }

    @Test
    void refusesMisplacedRepeatedAndOversizedParts() throws Exception {
        Path csv = Files.createTempFile("wresbal", ".csv");
        Files.writeString(csv, "observation_date,WRESBAL\n2025-10-15,3019000\n");
        // a file where a form value belongs
        given().multiPart("WRESBAL", csv.toFile()).multiPart("from", csv.toFile())
                .when().post("/backtests/fred")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("from"))
                .body("errors[0].message", containsString("form value"));
        // the same part twice
        given().multiPart("WRESBAL", csv.toFile()).multiPart("WRESBAL", csv.toFile())
                .when().post("/backtests/fred")
                .then().statusCode(400).body("errors[0].message", containsString("send each part once"));
        // far more parts than an upload has
        var many = given().multiPart("WRESBAL", csv.toFile());
        for (int i = 0; i < 100; i++) {
            many.multiPart("x" + i, "1");
        }
        many.when().post("/backtests/fred").then().statusCode(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.greaterThanOrEqualTo(400), org.hamcrest.Matchers.lessThan(500)));
    }

    @Test
    void refusesAnUploadAboveTheSeriesLimitWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] head = ("--b0undary\r\nContent-Disposition: form-data; name=\"WRESBAL\"; filename=\"w.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nobservation_date,WRESBAL\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII);
        long rows = (17L << 20) / "2025-10-15,3019000\n".length();
        // declared up front: refused before the body is read
        try (Socket socket = RawHttp.open(root)) {
            socket.getOutputStream().write(RawHttp.postHead("/backtests/fred", "multipart/form-data; boundary=b0undary",
                    17L << 20));
            socket.getOutputStream().write(head);
            String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("limits.series-body");
        }
        // streamed without a length: read, and refused by the part's size
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head), rows(rows), new ByteArrayInputStream(tail))));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve("/backtests/fred"))
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("limits.series-body");
    }

    /** {@code count} FRED rows, generated as they are read. */
    private static InputStream rows(long count) {
        byte[] row = "2025-10-15,3019000\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                if (at >= count * row.length) {
                    return -1;
                }
                return row[(int) (at++ % row.length)];
            }
        };
    }

    @Test
    void checksThePolicyCalendarsCapsAsSnapshotFieldsAreChecked() throws Exception {
        Path csv = Files.createTempFile("wresbal", ".csv");
        Files.writeString(csv, "observation_date,WRESBAL\n2025-10-15,3019000\n");
        given().multiPart("WRESBAL", csv.toFile())
                .multiPart("policy", "{\"events\": [{\"date\": \"2025-01-01\", \"active\": true, \"treasuryCapBn\": 1e1000, \"mbsCapBn\": -1}]}")
                .when().post("/backtests/fred")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("policy.events[0].treasuryCapBn", "policy.events[0].mbsCapBn"));
    }

    @Test
    void backtestsTheShippedHistoryWithoutAnUpload() {
        given().when().get("/backtests/shipped")
                .then().statusCode(200)
                .body("points", greaterThan(400))
                .body("verdicts[0].asOf", is("2018-01-03"))
                .body("verdicts[0].regime", notNullValue())
                .body("changes.size()", greaterThan(10));
        given().queryParam("from", "2025-10-01").queryParam("to", "2025-12-31").queryParam("view", "full")
                .when().get("/backtests/shipped")
                .then().statusCode(200)
                .body("points", is(14))
                .body("verdicts[0].asOf", is("2025-10-01"))
                .body("verdicts.find { it.asOf == '2025-10-29' }.actions.code", hasItem("END_RUNOFF"))
                .body("verdicts.find { it.asOf == '2025-12-03' }.actions.code", hasItem("RESERVE_MANAGEMENT_PURCHASES"))
                // the weeks before from are its history: the trend figures of its first week are known
                .body("verdicts[0].missingInputs", not(hasItem("history")));
    }

    @Test
    void aWeekJudgedAloneGetsTheVerdictItGetsInTheWholeSpan() {
        io.restassured.path.json.JsonPath whole = given().when().get("/backtests/shipped").then().statusCode(200)
                .extract().jsonPath();
        // weeks whose figures reach furthest back: the demand slope's half year, held over three weeks
        for (String week : java.util.List.of("2018-07-25", "2019-06-26", "2025-10-29", "2026-01-28", "2026-02-04")) {
            io.restassured.path.json.JsonPath alone = given().queryParam("from", week).queryParam("to", week)
                    .when().get("/backtests/shipped").then().statusCode(200).body("points", is(1)).extract().jsonPath();
            String inWhole = "verdicts.find { it.asOf == '" + week + "' }";
            assertThat(alone.getMap("verdicts[0]")).as("the week of " + week + " alone")
                    .isEqualTo(whole.getMap(inWhole));
        }
    }

    @Test
    void refusesABadSpanOfTheShippedHistory() {
        given().queryParam("from", "2025-13-01").when().get("/backtests/shipped")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("from"));
        given().queryParam("from", "2025-06-01").queryParam("to", "2025-01-01").when().get("/backtests/shipped")
                .then().statusCode(400).body("errors[0].field", is("from"));
        given().queryParam("from", "2030-01-01").when().get("/backtests/shipped")
                .then().statusCode(400).body("errors[0].message", containsString("shipped history"));
        given().queryParam("view", "everything").when().get("/backtests/shipped")
                .then().statusCode(400).body("errors[0].field", is("view"));
    }
}
