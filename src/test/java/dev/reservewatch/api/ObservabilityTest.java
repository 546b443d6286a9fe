package dev.reservewatch.api;

import static dev.reservewatch.api.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** /q/metrics counts verdicts, actions, reloads and names the active ruleset. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void countsVerdictsByRegimeAndActionsByCodeWithALatencyHistogram() throws Exception {
        given().contentType(ContentType.JSON).body(Files.readAllBytes(Path.of("examples/2025-10-article.json")))
                .when().post("/verdicts").then().statusCode(200);
        String version = given().when().get("/rules").then().extract().path("version");
        management().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("reservewatch_verdicts_total{regime=\"SCARCE\",source=\"snapshot\"}"))
                .body(containsString("reservewatch_actions_total{code=\"END_RUNOFF\",source=\"snapshot\"}"))
                .body(containsString("reservewatch_evaluation_seconds_bucket{source=\"snapshot\""))
                .body(containsString("reservewatch_rule_reloads_total{outcome=\"accepted\"} 1.0"))
                .body(containsString("reservewatch_rule_reloads_total{outcome=\"rejected\"} 0.0"))
                .body(containsString("reservewatch_ruleset_info{version=\"" + version + "\"} 1.0"));
    }
}
