package dev.reservewatch.api;

import static dev.reservewatch.api.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** /q/metrics counts verdicts, actions, reloads and names the active ruleset; /q/openapi shows a real example. */
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

    @Test
    void describesPostVerdictsWithTheArticleExample() {
        management().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/verdicts'.post.requestBody.content.'application/json'.examples.'2025-10 article'.value.largeBankExcessReserveRatioPct",
                        is(9.8f))
                .body("paths.'/verdicts'.post.responses.'200'.content.'application/json'.examples.'2025-10 article'.value.regime",
                        is("SCARCE"))
                .body("paths.'/verdicts'.post.responses.'400'.description", containsString("every bad field"))
                .body("paths.'/verdicts/series'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/rules/reload'.post.responses.'401'", org.hamcrest.Matchers.notNullValue());
    }
}
