package dev.reservewatch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reservewatch.client.api.BacktestsApi;
import dev.reservewatch.client.api.RulesApi;
import dev.reservewatch.client.api.SeriesApi;
import dev.reservewatch.client.api.VerdictsApi;
import dev.reservewatch.client.model.HistoryEntry;
import dev.reservewatch.client.model.MarketSnapshot;
import dev.reservewatch.client.model.Problem;
import dev.reservewatch.client.model.ReloadOutcome;
import dev.reservewatch.client.model.ReloadStatus;
import dev.reservewatch.client.model.ReserveRegime;
import dev.reservewatch.client.model.SeriesAnswer;
import dev.reservewatch.client.model.Verdict;

/**
 * Drives the packaged service through the Java client that OpenAPI Generator made from its API description, as
 * an analyst's batch job would: the article's snapshot (with a history, as the generated model sends it), a
 * three-point series, a small FRED upload, a 400 read back as a Problem, and a reload with the admin's token. The
 * client is OpenAPI Generator's {@code java} generator with the {@code apache-httpclient} library, which leaves
 * the FRED files not given out of the upload (the {@code native} library sends every file part it knows).
 */
class GeneratedClientTest {

    private static final Path SERVICE = Path.of(System.getProperty("service.dir", "../.."));
    private static final String ADMIN = "client-test-admin";
    private static Process service;
    private static ApiClient client;
    private static int managementPort;
    private static String baseUri;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startTheService() throws Exception {
        Path jar = SERVICE.resolve("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged service (./mvnw verify in " + SERVICE + " first)").exists();
        Path rules = Path.of("target/rules");
        copy(SERVICE.resolve("rules"), rules);
        int port = freePort();
        managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(Path.of("target/service.log").toFile());
        builder.environment().putAll(Map.of("QUARKUS_HTTP_PORT", String.valueOf(port), "QUARKUS_MANAGEMENT_PORT",
                String.valueOf(managementPort), "RULES_DIR", rules.toAbsolutePath().toString(), "RULES_WATCH", "false",
                "RULES_ADMIN_TOKEN", ADMIN, "DECISIONS_LOG_ENABLED", "false"));
        service = builder.start();
        awaitReady(Duration.ofSeconds(60));
        baseUri = "http://127.0.0.1:" + port;
        client = new ApiClient().setBasePath(baseUri);
    }

    @AfterAll
    static void stopTheService() throws InterruptedException {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
    }

    @Test
    void isGeneratedFromTheDescriptionTheServiceServes() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(served.body()))
                .isEqualTo(JSON.readTree(SERVICE.resolve("target/openapi/openapi.json").toFile()));
    }

    @Test
    void judgesTheArticlesSnapshotWithAHistory() throws Exception {
        MarketSnapshot article = client.getObjectMapper().readValue(
                SERVICE.resolve("examples/2025-10-article.json").toFile(), MarketSnapshot.class);
        Verdict verdict = new VerdictsApi(client).judgeSnapshot(article, null);
        assertThat(verdict.getRegime()).isEqualTo(ReserveRegime.SCARCE);
        assertThat(verdict.getActions()).extracting(action -> action.getCode()).contains("END_RUNOFF");

        // history entries as the generated model builds them: the service takes them
        article.history(List.of(new HistoryEntry().asOf(LocalDate.of(2025, 10, 17)).reserveBalancesBn(2950.0),
                new HistoryEntry().asOf(LocalDate.of(2025, 10, 10)).reserveBalancesBn(2990.0)));
        Verdict withHistory = new VerdictsApi(client).judgeSnapshot(article, "compact");
        assertThat(withHistory.getRegime()).isEqualTo(ReserveRegime.SCARCE);
        assertThat(withHistory.getMissingInputs()).doesNotContain("history");
        assertThat(withHistory.getWatchlist()).isNull();
    }

    @Test
    void judgesAThreePointSeries() throws Exception {
        List<HistoryEntry> points = List.of(
                new HistoryEntry().asOf(LocalDate.of(2025, 10, 22)).reserveBalancesBn(3019.0).onRrpBalanceBn(4.0),
                new HistoryEntry().asOf(LocalDate.of(2025, 10, 8)).reserveBalancesBn(3006.5).onRrpBalanceBn(5.2),
                new HistoryEntry().asOf(LocalDate.of(2025, 10, 15)).reserveBalancesBn(2978.3).onRrpBalanceBn(8.4));
        SeriesAnswer answer = new SeriesApi(client).judgeSeries(points, true, "compact");
        assertThat(answer.getPoints()).isEqualTo(3);
        assertThat(answer.getSnapshots()).extracting(HistoryEntry::getAsOf).containsExactly(LocalDate.of(2025, 10, 8),
                LocalDate.of(2025, 10, 15), LocalDate.of(2025, 10, 22));
    }

    @Test
    void backtestsASmallFredUpload() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/fred"));
        Path reserves = Files.writeString(dir.resolve("WRESBAL.csv"), "observation_date,WRESBAL\n2025-10-01,3006474\n"
                + "2025-10-08,3006474\n2025-10-15,2978331\n2025-10-22,3019028\n");
        Path onRrp = Files.writeString(dir.resolve("RRPONTSYD.csv"), "observation_date,RRPONTSYD\n2025-10-07,5.2\n"
                + "2025-10-14,8.4\n2025-10-21,4.0\n");
        // One file per FRED series the service reads, in the order the API description lists them (RRPONTSYD,
        // WRESBAL, then 23 more), then from, to and view.
        SeriesAnswer answer = new BacktestsApi(client).backtestFred(true, onRrp.toFile(), reserves.toFile(), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, LocalDate.of(2025, 10, 8), null, "compact");
        assertThat(answer.getPoints()).isEqualTo(3);
        assertThat(answer.getSnapshots()).allSatisfy(point -> assertThat(point.getReserveBalancesBn()).isPositive());
    }

    @Test
    void readsABadRequestBackAsAProblem() throws Exception {
        MarketSnapshot bad = new MarketSnapshot().asOf(LocalDate.of(2025, 10, 24)).reserveBalancesBn(-5.0);
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> new VerdictsApi(client).judgeSnapshot(bad, null));
        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).extracting(error -> error.getField()).containsExactly("reserveBalancesBn");
    }

    @Test
    void reloadsWithTheAdminsTokenAndNotWithout() throws Exception {
        ApiException anonymous = catchThrowableOfType(ApiException.class, () -> new RulesApi(client).reloadRules());
        assertThat(anonymous.getCode()).isEqualTo(401);
        assertThat(client.getObjectMapper().readValue(anonymous.getResponseBody(), Problem.class).getTitle())
                .isEqualTo("Unauthorized");

        // the description's bearer scheme (rulesToken): the client sends the token where an operation needs it
        ApiClient admin = new ApiClient().setBasePath(baseUri).setBearerToken(ADMIN);
        ReloadOutcome outcome = new RulesApi(admin).reloadRules();
        assertThat(outcome.getStatus()).isEqualTo(ReloadStatus.UNCHANGED);
        assertThat(outcome.getActiveVersion()).startsWith("sha256:");
    }

    // ------------------------------------------------------------------ the service's process

    private static void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped: " + Files.readString(Path.of("target/service.log")));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service was not ready within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(files::add);
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            if (Files.isDirectory(file)) {
                Files.createDirectories(target);
            } else {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
