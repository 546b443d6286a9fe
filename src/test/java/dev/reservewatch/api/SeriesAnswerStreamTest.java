package dev.reservewatch.api;

import static dev.reservewatch.api.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.reservewatch.contract.CompactVerdict;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SeriesAnswer;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.evaluation.SeriesJudge;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;
import dev.reservewatch.engine.ruleset.Ruleset;
import dev.reservewatch.service.BacktestService;
import dev.reservewatch.service.SeriesService;

/**
 * A streamed series answer is, byte for byte, the document the whole {@link SeriesAnswer} serialises to (but for the
 * timings): the same members in the same order, the same verdicts, in both views, with and without the snapshots.
 */
@QuarkusTest
class SeriesAnswerStreamTest {

    private static final Pattern TIMING = Pattern.compile("\"evaluationMicros\":\\d+");

    @Inject
    ObjectMapper mapper;
    @Inject
    ActiveRuleset rulesets;
    @Inject
    DecisionEngine engine;
    @Inject
    BacktestService backtests;
    @Inject
    SeriesService series;
    @TestHTTPResource("/")
    URI root;

    @Test
    void streamsTheShippedHistoryAsTheWholeAnswerWouldReadInTheCompactView() throws Exception {
        Response streamed = given().get("/backtests/shipped").then().statusCode(200).extract().response();
        assertThat(streamed.asString()).isEqualTo(whole(streamed, backtests.shippedHistory(), false, false));
    }

    @Test
    void streamsTheShippedHistoryAsTheWholeAnswerWouldReadInTheFullViewWithTheSnapshots() throws Exception {
        Response streamed = given().queryParam("view", "full").queryParam("snapshots", "true").get("/backtests/shipped")
                .then().statusCode(200).extract().response();
        // three megabytes of verdicts: sent as they are judged, in chunks, not as one body of known length
        assertThat(streamed.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(streamed.asString()).isEqualTo(whole(streamed, backtests.shippedHistory(), true, true));
    }

    @Test
    void streamsAPostedSeriesWithItsDecisionIdInTheHeader() throws Exception {
        String body = Files.readString(ApiExamplesTest.DIR.resolve("judgeSeries.request.json"));
        Response streamed = given().contentType("application/json").body(body).post("/verdicts/series")
                .then().statusCode(200).extract().response();
        assertThat(streamed.header(VerdictResource.DECISION_ID_HEADER)).isEqualTo(streamed.path("decisionId"));
        assertThat(streamed.contentType()).startsWith("application/json");
        assertThat(streamed.asString()).isEqualTo(whole(streamed, series.readJson(body.getBytes()), true, false));
    }

    /**
     * A long series in the full view (some 30 MB of verdicts) to a client that reads its first 16 KB and then
     * nothing: the service has judged only the points the connection's buffers hold, the rest wait for the client;
     * it keeps no verdict it has written. Once the client reads on, the answer is whole.
     */
    @Test
    void writesTheFirstVerdictsBeforeTheLastPointIsJudgedAndJudgesNoFasterThanTheClientReads() throws Exception {
        int points = 5000;
        StringBuilder series = new StringBuilder("[");
        for (int i = 0; i < points; i++) {
            series.append(i == 0 ? "" : ",").append("{\"asOf\": \"").append(LocalDate.of(2010, 1, 1).plusDays(i))
                    .append("\", \"reserveBalancesBn\": ").append(3300 - i % 400).append(", \"srfTakeupBn\": 5}");
        }
        byte[] body = series.append(']').toString().getBytes(StandardCharsets.UTF_8);
        double before = seriesVerdictsCounted();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(root.getHost(), root.getPort()));
            socket.getOutputStream().write(RawHttp.postHead("/verdicts/series?view=full", "application/json",
                    body.length));
            socket.getOutputStream().write(body);
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(16 * 1024);
            assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200")
                    .contains("\"verdicts\":[{");

            double judged = settled(before);
            assertThat(judged).as("points judged while the client reads nothing").isPositive()
                    .isLessThan(points / 2.0);

            RawHttp.Answer answer = RawHttp.read(new SequenceInputStream(new ByteArrayInputStream(first), in));
            JsonNode whole = mapper.readTree(answer.body());
            assertThat(whole.path("points").asInt()).isEqualTo(points);
            assertThat(whole.path("verdicts").size()).isEqualTo(points);
            assertThat(whole.path("verdicts").path(points - 1).path("asOf").asText())
                    .isEqualTo(LocalDate.of(2010, 1, 1).plusDays(points - 1).toString());
            assertThat(whole.has("changes")).isTrue();
        }
        assertThat(seriesVerdictsCounted() - before).isEqualTo(points);
    }

    /** The series points counted since {@code before}, once the count has stopped moving. */
    private static double settled(double before) throws InterruptedException {
        double last = -1;
        for (int unchanged = 0, round = 0; unchanged < 3 && round < 100; round++) {
            Thread.sleep(200);
            double now = seriesVerdictsCounted() - before;
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }
        return last;
    }

    /** The series points counted in reservewatch_verdicts_total so far, every regime together. */
    private static double seriesVerdictsCounted() {
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("reservewatch_verdicts_total{")
                && line.contains("source=\"series\"")).mapToDouble(line -> Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The answer as the service wrote it before it streamed: the whole SeriesAnswer, serialised at once. */
    private String whole(Response streamed, List<MarketSnapshot> points, boolean full, boolean withSnapshots)
            throws Exception {
        String id = streamed.path("decisionId");
        Ruleset ruleset = rulesets.active();
        SeriesJudge.Result result = new SeriesJudge(engine).judge(ruleset, points);
        List<?> verdicts = full ? result.verdicts().stream().map(verdict -> verdict.withDecisionId(id)).toList()
                : result.verdicts().stream().map(CompactVerdict::of).toList();
        String answer = mapper.writeValueAsString(new SeriesAnswer(id, ruleset.version(), verdicts.size(), verdicts,
                result.changes(), withSnapshots ? SeriesJudge.inDateOrder(points) : null));
        assertThat(TIMING.matcher(streamed.asString()).results().count()).isEqualTo(full ? verdicts.size() : 0);
        return TIMING.matcher(answer).replaceAll(streamedTimings(streamed.asString()));
    }

    /**
     * The streamed answer's timings, which the whole answer takes over (each judging takes its own time); a
     * placeholder when there are none.
     */
    private static Function<MatchResult, String> streamedTimings(String streamed) {
        Iterator<String> timings = TIMING.matcher(streamed).results().map(MatchResult::group).toList().iterator();
        return match -> timings.next();
    }
}
