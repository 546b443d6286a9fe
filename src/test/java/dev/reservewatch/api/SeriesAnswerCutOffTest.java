package dev.reservewatch.api;

import static dev.reservewatch.api.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A rule that fails on a later point of a series, after its answer has started: whatever the client, the answer
 * is a failed transfer, never a whole 200 document; a client reading as it comes finds the problem document in
 * {@code error}. A rule failing on the first point is answered 500 before the answer starts. Either way the series
 * is logged once, as failed, and the points judged are counted.
 */
@QuarkusTest
@TestProfile(RuleFailureAnswerTest.FragileRules.class)
class SeriesAnswerCutOffTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final int POINTS = 40;
    /** The point whose SRF take-up makes "Refuse an absurd SRF take-up" throw. */
    private static final int FAILING = 30;
    private static final String RULE = "Refuse an absurd SRF take-up";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    /** Weekly points, the one at {@code failing} with an SRF take-up the fragile rules throw on. */
    private static String series(int failing) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < POINTS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"asOf\": \"").append(FIRST.plusWeeks(i))
                    .append("\", \"reserveBalancesBn\": 2930, \"srfTakeupBn\": ").append(i == failing ? 5000 : 5)
                    .append('}');
        }
        return body.append(']').toString();
    }

    private HttpRequest post(String body) {
        return HttpRequest.newBuilder(root.resolve("/verdicts/series")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void aRuleFailingOnTheFirstPointIsAnswered500NamingTheRuleAndThePoint() {
        given().contentType(ContentType.JSON).body(series(0))
                .when().post("/verdicts/series")
                .then().statusCode(500).contentType("application/problem+json")
                .body("rule", is(RULE))
                .body("file", is("fragile.drl"))
                .body("asOf", is(FIRST.toString()));
    }

    @Test
    void javaNetHttpGetsAFailedTransferNeverAWholeAnswer() {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpClient client = HttpClient.newBuilder().version(version).build();
            assertThatThrownBy(() -> client.send(post(series(FAILING)), HttpResponse.BodyHandlers.ofString()))
                    .as(version.toString()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aClientReadingAsTheAnswerComesFindsTheErrorWhereTheVerdictsStop() throws Exception {
        // each piece of the body handed over as it arrives, in order, before the failure is: an InputStream would
        // drop the pieces its reader had not yet taken when the failure came
        AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        HttpResponse.BodyHandler<Void> asItComes = info -> {
            head.set(info);
            return HttpResponse.BodySubscribers.ofByteArrayConsumer(piece -> piece.ifPresent(read::writeBytes));
        };
        assertThatThrownBy(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(post(series(FAILING)), asItComes)).isInstanceOf(IOException.class);
        assertThat(head.get().statusCode()).isEqualTo(200);
        String id = head.get().headers().firstValue(VerdictResource.DECISION_ID_HEADER).orElseThrow();
        String text = read.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"decisionId\":\"" + id + "\"");
        // the verdicts before the failing point, then the problem document, and nothing after it
        assertThat(Pattern.compile("\"asOf\":\"").matcher(text).results().count()).isEqualTo(FAILING + 1);
        int error = text.indexOf("],\"error\":{");
        assertThat(error).isPositive();
        JsonNode problem = JSON.readTree(text.substring(error + "],\"error\":".length()));
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/rule-failed");
        assertThat(problem.path("rule").asText()).isEqualTo(RULE);
        assertThat(problem.path("file").asText()).isEqualTo("fragile.drl");
        assertThat(problem.path("asOf").asText()).isEqualTo(FIRST.plusWeeks(FAILING).toString());
        assertThat(text).endsWith("}").doesNotContain("\"changes\"");
    }

    @Test
    void restAssuredGetsAFailedTransferNeverAWholeAnswer() {
        assertThatThrownBy(() -> given().contentType(ContentType.JSON).body(series(FAILING))
                .when().post("/verdicts/series").asString())
                .isInstanceOf(IOException.class);
        stillServes();
    }

    @Test
    void theConnectionClosesWithoutTheLastChunk() throws Exception {
        byte[] body = series(FAILING).getBytes(StandardCharsets.UTF_8);
        byte[] all;
        try (Socket socket = RawHttp.open(root)) {
            socket.getOutputStream().write(RawHttp.postHead("/verdicts/series", "application/json", body.length));
            socket.getOutputStream().write(body);
            all = socket.getInputStream().readAllBytes(); // to the end of the connection, which the service closes
        }
        String answer = new String(all, StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer.toLowerCase(Locale.ROOT)).contains("transfer-encoding: chunked");
        assertThat(answer).contains("\"error\":{").doesNotEndWith("\r\n0\r\n\r\n");
        stillServes();
    }

    @Test
    void aFredBacktestIsCutOffAsASeriesIs() {
        StringBuilder takeup = new StringBuilder("observation_date,RPONTTLD\n");
        StringBuilder reserves = new StringBuilder("observation_date,WRESBAL\n");
        for (int week = 0; week < 20; week++) {
            LocalDate wednesday = LocalDate.of(2025, 1, 1).plusWeeks(week);
            takeup.append(wednesday.minusDays(1)).append(',').append(week == 12 ? 5000 : 5).append('\n');
            reserves.append(wednesday).append(",2930000\n");
        }
        assertThatThrownBy(() -> given()
                .multiPart("RPONTTLD", "RPONTTLD.csv", takeup.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("WRESBAL", "WRESBAL.csv", reserves.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("from", "2025-01-01").multiPart("view", "full")
                .when().post("/backtests/fred").asString())
                .isInstanceOf(IOException.class);
        stillServes();
    }

    @Test
    void logsTheSeriesOnceAsFailedAndCountsThePointsJudged() throws Exception {
        double before = seriesVerdictsCounted();
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(post(series(FAILING)), HttpResponse.BodyHandlers.ofInputStream());
        String id = response.headers().firstValue(VerdictResource.DECISION_ID_HEADER).orElseThrow();
        try (InputStream body = response.body()) {
            assertThatThrownBy(() -> body.transferTo(OutputStream.nullOutputStream())).isInstanceOf(IOException.class);
        }
        assertThat(seriesVerdictsCounted() - before).isEqualTo(FAILING);

        assertThat(logLines(line -> id.equals(line.path("decisionId").asText()))).singleElement().satisfies(line -> {
            assertThat(line.path("series").path("points").asInt()).isEqualTo(FAILING);
            assertThat(line.path("series").path("from").asText()).isEqualTo(FIRST.toString());
            assertThat(line.path("series").path("to").asText()).isEqualTo(FIRST.plusWeeks(FAILING - 1).toString());
            assertThat(line.path("failed").path("asOf").asText()).isEqualTo(FIRST.plusWeeks(FAILING).toString());
            assertThat(line.path("failed").path("rule").asText()).isEqualTo(RULE);
            assertThat(line.path("failed").path("file").asText()).isEqualTo("fragile.drl");
        });
    }

    @Test
    void logsASeriesFailingOnItsFirstPointAsFailedWithNoPointJudged() throws Exception {
        LocalDate first = LocalDate.of(2019, 1, 2);
        given().contentType(ContentType.JSON).body("[{\"asOf\": \"" + first + "\", \"srfTakeupBn\": 5000}]")
                .when().post("/verdicts/series").then().statusCode(500);
        assertThat(logLines(line -> line.path("failed").path("asOf").asText().equals(first.toString())))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("series").path("points").asInt()).isZero();
                    assertThat(line.path("series").path("from").isNull()).isTrue();
                    assertThat(line.path("failed").path("rule").asText()).isEqualTo(RULE);
                });
    }

    /** The series lines of the decision log that match, once there is one: the log writes in the background. */
    private static List<JsonNode> logLines(Predicate<JsonNode> matching) throws Exception {
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<JsonNode> lines = new ArrayList<>();
            if (Files.exists(RuleFailureAnswerTest.FragileRules.LOG)) {
                for (String line : Files.readAllLines(RuleFailureAnswerTest.FragileRules.LOG)) {
                    JsonNode node = JSON.readTree(line);
                    if (node.has("series") && matching.test(node)) {
                        lines.add(node);
                    }
                }
            }
            if (!lines.isEmpty() || System.nanoTime() > giveUp) {
                return lines;
            }
            Thread.sleep(50);
        }
    }

    /** The series points counted in reservewatch_verdicts_total so far, every regime together. */
    private static double seriesVerdictsCounted() {
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("reservewatch_verdicts_total{")
                && line.contains("source=\"series\"")).mapToDouble(line -> Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static void stillServes() {
        given().contentType(ContentType.JSON).body(series(-1))
                .when().post("/verdicts/series")
                .then().statusCode(200).body("points", is(POINTS)).body("verdicts[0].regime", is("AMPLE"));
    }
}
