package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;


import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET /rules on the shipped rules. */
@QuarkusTest
class RulesResourceTest {

    @Test
    void showsTheActiveRulesetWithFilesRulesAndScenarios() {
        given().when().get("/rules")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("version", startsWith("sha256:"))
                .body("loadedAt", containsString("T"))
                .body("files.name", hasItems("reserves.drl", "regime.drl", "actions.drl", "thresholds.drl"))
                .body("files.find { it.name == 'reserves.drl' }.rules.name",
                        hasItem("Excess reserves below the scarcity line"))
                .body("files.find { it.name == 'reserves.drl' }.rules.find { it.name == 'Excess reserves below the scarcity line' }.line",
                        greaterThan(0))
                .body("files.find { it.name == 'reserves.drl' }.rules.find { it.name == 'Excess reserves below the scarcity line' }.metadata.source",
                        containsString("article"))
                .body("scenarios.size()", greaterThan(5))
                .body("scenarios.passed", not(hasItem(false)))
                .body("rulesFiringInNoScenario", empty())
                .body("lastRejected", nullValue());
    }
}
