package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.reservewatch.testing.LogRecords;

/**
 * A draft's rules run in a judge process of their own: a consequence that never returns is stopped at
 * {@code rules.drafts.impact-timeout} and the next draft is judged; one that fills the heap, exits or recurses
 * without end ends its judge and nothing else. A refused draft is logged as the author's mistake (INFO), a stopped
 * one as a warning, never as an ERROR of the service; a rules folder the service refuses is still its WARN.
 */
@QuarkusTest
@TestProfile(DraftIsolationTest.ShortTimeout.class)
class DraftIsolationTest {

    static final String TIMEOUT_SECONDS = "6";

    /**
     * Editable rules, a short impact timeout, and the first judge warmed at start-up: one service for this class and
     * {@link DraftFirstJudgeWarmTest}, which runs first and checks the judge warmed before any draft.
     */
    public static class ShortTimeout extends RulesDraftsAndReloadTest.EditableRules {
        /** Set once a test class of this profile has begun sending drafts. */
        static final AtomicBoolean DRAFTS_SENT = new AtomicBoolean();

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("rules.drafts.impact-timeout", TIMEOUT_SECONDS + "s");
            config.put("rules.drafts.warm-judge-at-start", "true");
            return config;
        }
    }

    @BeforeAll
    static void draftsAreSentFromHereOn() {
        ShortTimeout.DRAFTS_SENT.set(true);
    }

    private static final String POINTS = """
            [{"asOf": "2025-10-15", "reserveBalancesBn": 2960, "onRrpBalanceBn": 8.5},
             {"asOf": "2025-10-22", "reserveBalancesBn": 2933, "onRrpBalanceBn": 4}]""";

    /** A draft with one rule whose consequence is {@code java}, and its helper {@code functions}. */
    private static String draft(String functions, String java) {
        return """
                package rules;
                import dev.reservewatch.model.*;
                %s
                rule "Runs what it is given"
                when
                    Market( reserveBalancesBn != null )
                then
                    %s
                end
                """.formatted(functions, java);
    }

    private static JsonPath impact(String drl) {
        String body = "{\"files\": {\"isolation.drl\": " + quote(drl) + "}, \"points\": " + POINTS + "}";
        return given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.AUTHOR).contentType(ContentType.JSON)
                .body(body).when().post("/rules/impact")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void stillServing() {
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-10-24\", \"reserveBalancesBn\": 2930}")
                .when().post("/verdicts").then().statusCode(200);
    }

    private static long judgesRunning() {
        return ProcessHandle.current().children().filter(child -> child.info().arguments()
                .map(arguments -> List.of(arguments).contains("dev.reservewatch.engine.draft.JudgeMain")).orElse(false))
                .count();
    }

    @Test
    void aDraftThatNeverReturnsIsStoppedAtTheTimeoutAndTheNextDraftIsJudged() {
        try (LogRecords logs = LogRecords.catching()) {
            // a loop that catches Throwable too: no stop() would end it (the fuzz run sends a plain one each time)
            for (String loop : List.of(
                    "long i = 0; while (i >= 0) { try { i = (i + 1) % 1000; } catch (Throwable t) { i = 0; } }")) {
                long started = System.nanoTime();
                JsonPath stopped = impact(draft("", loop));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(stopped.getBoolean("valid")).isFalse();
                assertThat(stopped.getString("errors[0].message")).contains("ran longer than "
                        + "rules.drafts.impact-timeout (" + TIMEOUT_SECONDS + " s) and were stopped");
                assertThat(took).as("answered within the timeout, with room for a judge to start")
                        .isLessThan(Duration.ofSeconds(Long.parseLong(TIMEOUT_SECONDS) + 30));
                stillServing();

                JsonPath good = impact(draft("", "insert(new Signal(\"LOOKED\", Severity.INFO, null, null, null, null, "
                        + "\"looked at the market\"));"));
                assertThat(good.getBoolean("valid")).as("the next draft, right after: %s", good.prettify()).isTrue();
                assertThat(good.getInt("points")).isEqualTo(2);
            }
            assertThat(logs.of("dev.reservewatch.service.DraftService", org.jboss.logmanager.Level.WARN))
                    .anySatisfy(line -> assertThat(line).contains("Draft stopped (impact", "the drafts' turn is free"));
            assertThat(logs.errors()).as("ERROR lines").isEmpty();
        }
        // the stopped judges are gone; at most the one warmed for the next draft is left
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (judgesRunning() > 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(judgesRunning()).isLessThanOrEqualTo(1);
    }

    @Test
    void aDraftThatFillsTheHeapExitsOrRecursesEndsOnlyItsJudge() {
        try (LogRecords logs = LogRecords.catching()) {
            JsonPath memory = impact(draft("", "long[] a = new long[200000000]; a[1] = 1;"));
            assertThat(memory.getBoolean("valid")).isFalse();
            assertThat(memory.getString("errors[0].message")).contains("ended the process that judged it",
                    "ran out of memory");
            stillServing();

            JsonPath exit = impact(draft("", "System.exit(0);"));
            assertThat(exit.getBoolean("valid")).isFalse();
            assertThat(exit.getString("errors[0].message")).contains("ended the process that judged it",
                    "before it answered");
            stillServing();

            JsonPath recursion = impact(draft("function int deeper(int n) { return deeper(n + 1) + 1; }",
                    "int depth = deeper(0);"));
            assertThat(recursion.getBoolean("valid")).isFalse();
            assertThat(recursion.getString("errors[0].message")).contains("StackOverflowError");
            stillServing();

            assertThat(logs.errors()).as("ERROR lines").isEmpty();
        }
    }

    @Test
    void aRefusedDraftIsTheAuthorsMistakeAtInfoNeverAnErrorOfTheService() {
        String typo = draft("", "").replace("reserveBalancesBn != null", "reserveBalanceBn != null");
        try (LogRecords logs = LogRecords.catching()) {
            given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.AUTHOR).contentType("text/plain")
                    .body(typo).when().post("/rules/validate?file=typo.drl")
                    .then().statusCode(200).body("valid", is(false))
                    .body("errors[0].message", containsString("reserveBalanceBn"));
            JsonPath impact = impact(typo);
            assertThat(impact.getBoolean("valid")).isFalse();

            assertThat(logs.errors()).as("ERROR lines for a typo").isEmpty();
            assertThat(logs.of("dev.reservewatch.service.DraftService", org.jboss.logmanager.Level.INFO))
                    .anySatisfy(line -> assertThat(line).startsWith("dev.reservewatch.service.DraftService: Draft "
                            + "refused (validate, 1 file(s): typo.drl): 1 error(s), first typo.drl:"))
                    .anySatisfy(line -> assertThat(line).contains("Draft refused (impact, 1 file(s): isolation.drl)"));
        }
    }

    @Test
    void aRulesFolderThatFailsToCompileIsStillTheServicesWarning() throws IOException {
        Path file = RulesDraftsAndReloadTest.DIR.resolve("broken.drl");
        try (LogRecords logs = LogRecords.catching()) {
            Files.writeString(file, draft("", "").replace("reserveBalancesBn != null", "noSuchFigure != null"));
            given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.TOKEN)
                    .when().post("/rules/reload").then().statusCode(200).body("status", is("REJECTED"));
            assertThat(logs.of("dev.reservewatch.engine.lifecycle.ActiveRuleset", org.jboss.logmanager.Level.WARN))
                    .anySatisfy(line -> assertThat(line).contains("rejected", "broken.drl"));
            assertThat(logs.errors()).as("the service's own refusal is a warning; Drools' ERROR is off").isEmpty();
        } finally {
            Files.deleteIfExists(file);
            given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.TOKEN)
                    .when().post("/rules/reload").then().statusCode(200);
        }
        stillServing();
    }
}
