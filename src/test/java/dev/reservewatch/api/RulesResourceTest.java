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

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET /rules and POST /rules/validate on the shipped rules; reload refuses without a configured token. */
@QuarkusTest
class RulesResourceTest {

    private static final String TYPO = """
            package rules;
            import dev.reservewatch.model.*;

            rule "A rule with a typo"
            when
                Market( excessReservesPct < 10.0 )
            then
            end
            """;

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

    @Test
    void validatesOneDraftFileAgainstTheActiveRules() {
        given().contentType(ContentType.TEXT).queryParam("file", "analyst.drl").body("""
                package rules;
                import dev.reservewatch.model.*;
                rule "Reserves below a tenth of GDP"
                when
                    Market( $share : reservesToGdpPct, reservesToGdpPct < 10.0 )
                then
                    insert(new Signal("RESERVES_THIN_AGAINST_GDP", Severity.WARN, "reservesToGdpPct", $share,
                        thresholds.getExcessReserveScarcityPct(), "%", "Reserves are {observed} of GDP"));
                end
                """)
                .when().post("/rules/validate")
                .then().statusCode(200)
                .body("valid", is(true))
                .body("errors", empty())
                .body("files", hasItems("analyst.drl", "thresholds.drl"));
    }

    @Test
    void reportsCompileErrorsWithFileLineAndColumn() {
        given().contentType(ContentType.TEXT).queryParam("file", "typo.drl").body(TYPO)
                .when().post("/rules/validate")
                .then().statusCode(200)
                .body("valid", is(false))
                .body("errors[0].file", is("typo.drl"))
                .body("errors[0].line", is(6))
                .body("errors[0].column", greaterThan(0))
                .body("errors[0].message", containsString("excessReservesPct"));
    }

    @Test
    void validatesSeveralFilesAsJsonAndWarnsOfARuleNameUsedTwice() {
        String one = "package first; import dev.reservewatch.model.*; rule \"Same name\" when Market() then end";
        String two = "package second; import dev.reservewatch.model.*; rule \"Same name\" when Market() then end";
        given().contentType(ContentType.JSON).queryParam("standalone", true)
                .body(Map.of("files", Map.of("one.drl", one, "two.drl", two)))
                .when().post("/rules/validate")
                .then().statusCode(200)
                .body("valid", is(true))
                .body("files", is(java.util.List.of("one.drl", "two.drl")))
                .body("warnings.message", hasItem(containsString("'Same name' is also used in")));
    }

    @Test
    void standaloneValidationDoesNotSeeTheActiveThresholds() {
        given().contentType(ContentType.TEXT).queryParam("standalone", true).body("""
                package rules;
                import dev.reservewatch.model.*;
                rule "Uses a threshold"
                when
                    Market( largeBankExcessReserveRatioPct < thresholds.excessReserveScarcityPct )
                then
                end
                """)
                .when().post("/rules/validate")
                .then().statusCode(200).body("valid", is(false));
    }

    @Test
    void refusesBadValidationRequests() {
        given().contentType(ContentType.JSON).body("{\"file\": \"x\"}")
                .when().post("/rules/validate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("files"));
        given().contentType(ContentType.JSON).body("{\"files\": {\"a.drl\": 5}}")
                .when().post("/rules/validate")
                .then().statusCode(400).body("errors[0].field", is("files.a.drl"));
        given().contentType(ContentType.TEXT).body("rule".repeat(300_000))
                .when().post("/rules/validate")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).queryParam("file", "../../etc/passwd").body(TYPO)
                .when().post("/rules/validate")
                .then().statusCode(200).body("valid", is(false))
                .body("errors[0].message", containsString("ends in .drl"));
    }

    @Test
    void reloadIsForbiddenWithoutAConfiguredToken() {
        given().header("Authorization", "Bearer anything")
                .when().post("/rules/reload")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("RULES_ADMIN_TOKEN"));
    }
}
