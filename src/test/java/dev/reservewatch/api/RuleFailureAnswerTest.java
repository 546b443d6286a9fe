package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A rules folder whose rules fail only on some inputs: 500 naming the rule, and the service stays up. */
@QuarkusTest
@TestProfile(RuleFailureAnswerTest.FragileRules.class)
class RuleFailureAnswerTest {

    public static class FragileRules implements QuarkusTestProfile {
        /** The decision log, where a failed series leaves its line (SeriesAnswerCutOffTest). */
        static final Path LOG = Path.of("target/decision-log-fragile/decisions.jsonl");

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("rules.dir", "src/test/resources/rulesets/fragile", "rules.max-firings", "200",
                    "decisions.log.enabled", "true", "decisions.log.file", LOG.toString());
        }
    }

    @Test
    void aThrowingConsequenceAnswers500NamingTheRule() {
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-10-24\", \"srfTakeupBn\": 5000}")
                .when().post("/verdicts")
                .then().statusCode(500).contentType("application/problem+json")
                .body("rule", is("Refuse an absurd SRF take-up"))
                .body("file", is("fragile.drl"))
                .body("detail", containsString("code must not be blank"))
                .body(not(containsString("\tat ")));
        stillServes();
    }

    @Test
    void aRunawayRuleIsStoppedAndNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"2025-10-24\", \"reserveBalancesBn\": 1, \"cpiYoYPct\": 60}")
                .when().post("/verdicts")
                .then().statusCode(500).contentType("application/problem+json")
                .body("rule", is("Echo hyperinflation forever"))
                .body("detail", containsString("kept firing"))
                .body("detail", containsString("200"));
        stillServes();
    }

    private static void stillServes() {
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-10-24\", \"reserveBalancesBn\": 2930}")
                .when().post("/verdicts")
                .then().statusCode(200).body("regime", is("AMPLE"));
    }
}
