package dev.reservewatch.api;

import static dev.reservewatch.api.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Started with no usable rules folder and no rules token: alive, not ready, verdicts answer 503 with the
 * reason, and drafts and reloads are refused (403) without running anything.
 */
@QuarkusTest
@TestProfile(StartWithoutRulesetTest.MissingRules.class)
class StartWithoutRulesetTest {

    public static class MissingRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rules.dir", "target/no-such-rules-folder", "rules.admin-token", "", "rules.author-token", "");
        }
    }

    @Test
    void staysAliveButNotReady() {
        management().when().get("/q/health/live").then().statusCode(200);
        management().when().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"))
                .body("checks.find { it.name == 'ruleset' }.data.reason", containsString("GET /rules"))
                .body(not(containsString(System.getProperty("user.dir"))))
                .body(not(containsString("no-such-rules-folder")));
    }

    @Test
    void verdictsAnswer503WithTheReason() {
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-10-24\"}")
                .when().post("/verdicts")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("no-such-rules-folder: the rules folder does not exist"))
                .body("detail", not(containsString(System.getProperty("user.dir"))));
    }

    @Test
    void takesNoDraftWhileNoRulesTokenIsConfigured() throws Exception {
        Path marker = Path.of("target/draft-ran-without-a-token");
        Files.deleteIfExists(marker);
        given().contentType(ContentType.TEXT).queryParam("file", "evil.drl").body(Drafts.codeInMetadata(marker))
                .when().post("/rules/validate")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("RULES_AUTHOR_TOKEN"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer anything")
                .body(Map.of("files", Map.of("evil.drl", Drafts.codeInMetadata(marker))))
                .when().post("/rules/validate")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer anything")
                .body(Map.of("files", Map.of("evil.drl", Drafts.codeInMetadata(marker))))
                .when().post("/rules/impact")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("RULES_AUTHOR_TOKEN"));
        assertThat(marker).doesNotExist();
    }

    @Test
    void reloadIsForbiddenWithoutAConfiguredToken() {
        given().header("Authorization", "Bearer anything")
                .when().post("/rules/reload")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("RULES_ADMIN_TOKEN"));
    }
}
