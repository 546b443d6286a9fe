package dev.reservewatch.api;

import static dev.reservewatch.api.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.reservewatch.watch.FredTestServer;
import dev.reservewatch.watch.Watcher;
import dev.reservewatch.watch.WebhookReceiver;

/**
 * The watch on, in the service, against the FRED test server: it fetches at start-up, GET /watch shows each series,
 * POST /watch/refresh fetches and answers, the metrics show it, and the key appears in no answer, problem, metric or
 * alert. Its answers are the API description's examples ({@code examples/api/getWatch.response.json},
 * {@code refreshWatch.response.json}); rewrite them with {@code -Dapi-examples.write=true}.
 */
@QuarkusTest
@TestProfile(WatchResourceTest.WatchOn.class)
public class WatchResourceTest {

    static final String KEY = "abcdefabcdef0123456789abcdef0123";
    public static final Path FRED = Path.of("../shared/data/fred");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static class WatchOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // FRED's pace is tested apart (FredFetcherTest); here a fetch need not take eight seconds
            return Map.of("rules.admin-token", "test-admin-token", "watch.fred.api-key", KEY,
                    "watch.data-dir", "target/watch-it-" + System.nanoTime(), "watch.fred.requests-per-second", "50",
                    "watch.fred.requests-per-minute", "3000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FredAndWebhook.class));
        }
    }

    /** The FRED test server (today: the real today) and a webhook, their URLs handed to the service. */
    public static class FredAndWebhook implements QuarkusTestResourceLifecycleManager {
        private FredTestServer server;
        private WebhookReceiver hook;

        @Override
        public Map<String, String> start() {
            try {
                Path data = Files.isDirectory(FRED) ? FRED : Files.createTempDirectory("no-fred");
                server = new FredTestServer(data, LocalDate.now(), KEY);
                hook = new WebhookReceiver();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.of("watch.fred.base-url", server.baseUrl().toString(), "watch.webhook-urls",
                    hook.url("/alerts").toString());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(server, new TestInjector.MatchesType(FredTestServer.class));
            injector.injectIntoFields(hook, new TestInjector.MatchesType(WebhookReceiver.class));
        }

        @Override
        public void stop() {
            server.close();
            hook.close();
        }
    }

    FredTestServer server;
    WebhookReceiver hook;

    @BeforeEach
    void needsTheFredFiles() {
        Assumptions.assumeTrue(Files.isDirectory(FRED), "FRED data not found at " + FRED.toAbsolutePath());
    }

    @Test
    void fetchesOnRefreshAndShowsEachSeries() throws IOException {
        String refreshed = given().header("Authorization", "Bearer test-admin-token").when().post("/watch/refresh")
                .then().statusCode(200).contentType("application/json").body("enabled", equalTo(true))
                .body("series", hasSize(Watcher.watchedSeries().size())).body("lastAttemptAt", notNullValue())
                .body("nextAttemptAt", notNullValue()).extract().asString();
        JsonNode answer = JSON.readTree(refreshed);
        assertThat(answer.path("status").asText()).as("the shared files end in 2026: stale by now, or OK")
                .isIn("OK", "STALE");
        assertThat(answer.path("series")).allSatisfy(series -> {
            assertThat(series.path("lastObservation").isTextual()).as(series.toString()).isTrue();
            assertThat(series.path("error").isNull()).as(series.toString()).isTrue();
        });
        example("refreshWatch", answer);
        example("getWatch", JSON.readTree(given().when().get("/watch").then().statusCode(200).extract().asString()));
        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.query().get("api_key")).isEqualTo(KEY));
    }

    @Test
    void judgesTheFetchedWeeksAndServesThemAsAHistory() throws IOException {
        given().header("Authorization", "Bearer test-admin-token").when().post("/watch/refresh").then().statusCode(200);
        String latest = given().when().get("/watch").then().statusCode(200)
                .body("latest.regime", notNullValue()).body("latest.watchlist", notNullValue())
                .body("latestStaleSeries", notNullValue()).extract().path("latest.asOf");
        // the whole weekly series, as the shipped history's backtest answers, ending with the latest week
        given().queryParam("view", "compact").when().get("/watch/history").then().statusCode(200)
                .body("verdicts[0].asOf", equalTo("2018-01-03")).body("verdicts[-1].asOf", equalTo(latest))
                .body("verdicts[-1].actions", notNullValue());
        given().queryParam("from", "2025-10-29").queryParam("to", "2025-10-29").queryParam("view", "full")
                .when().get("/watch/history").then().statusCode(200).body("points", equalTo(1))
                .body("verdicts[0].regime", equalTo("SCARCE"));
        given().queryParam("from", "2030-01-01").when().get("/watch/history").then().statusCode(400)
                .contentType("application/problem+json");
        example("getWatchHistory", JSON.readTree(given().queryParam("from", "2025-10-22").queryParam("to", "2025-11-05")
                .when().get("/watch/history").then().statusCode(200).extract().asString()));
    }

    @Test
    void theKeyIsInNoAnswerProblemMetricOrAlert() throws Exception {
        given().header("Authorization", "Bearer test-admin-token").when().post("/watch/refresh").then().statusCode(200);
        List<String> seen = new ArrayList<>();
        seen.add(given().when().get("/watch").then().statusCode(200).extract().asString());
        seen.add(given().when().post("/watch/refresh").then().statusCode(401).extract().asString());
        seen.add(given().when().get("/watch/nothing").then().statusCode(404).extract().asString());
        seen.add(management().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("reservewatch_watch_fetch_last_attempt_timestamp_seconds"))
                .body(org.hamcrest.Matchers.containsString("reservewatch_watch_series_stale{series=\"EFFR\"}"))
                .extract().asString());
        hook.await(1, Duration.ofSeconds(10)).forEach(received -> seen.add(received.body()));
        assertThat(hook.received()).as("the data's staleness was told").isNotEmpty();
        assertThat(seen).noneMatch(text -> text.contains(KEY));
    }

    /** Keeps the answer as the operation's example, or checks that the kept one has the same shape. */
    static void example(String operation, JsonNode answer) throws IOException {
        Path file = ApiExamplesTest.DIR.resolve(operation + ".response.json");
        if (Boolean.getBoolean("api-examples.write")) {
            Files.writeString(file, JSON.writeValueAsString(answer) + "\n");
            return;
        }
        JsonNode kept = JSON.readTree(Files.readString(file));
        assertThat(names(kept)).as("%s: the kept example's fields; rewrite with -Dapi-examples.write=true", file)
                .isEqualTo(names(answer));
        assertThat(kept.path("series").findValuesAsText("code")).isEqualTo(answer.path("series").findValuesAsText("code"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
