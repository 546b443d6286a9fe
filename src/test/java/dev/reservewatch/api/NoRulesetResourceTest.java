package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Started with no usable rules folder: alive, not ready, and verdicts answer 503 with the reason. */
@QuarkusTest
@TestProfile(NoRulesetResourceTest.MissingRules.class)
class NoRulesetResourceTest {

    public static class MissingRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rules.dir", "target/no-such-rules-folder");
        }
    }

    @Test
    void staysAliveButNotReady() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"))
                .body("checks.find { it.name == 'ruleset' }.data.lastRejected", containsString("cannot be read"));
    }

    @Test
    void verdictsAnswer503WithTheReason() {
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-10-24\"}")
                .when().post("/verdicts")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("no-such-rules-folder"));
    }
}
