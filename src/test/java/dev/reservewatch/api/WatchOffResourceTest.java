package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without a FRED key the watch is off: it says so, fetches nothing, and refuses a refresh. */
@QuarkusTest
class WatchOffResourceTest {

    @Test
    void saysOffWithoutAKey() {
        given().when().get("/watch").then().statusCode(200).contentType("application/json")
                .body("enabled", equalTo(false)).body("status", equalTo("OFF")).body("series", empty())
                .body("latest", nullValue()).body("alerts", empty()).body("lastAttemptAt", nullValue());
    }

    @Test
    void refusesARefreshWhileOff() {
        given().header("Authorization", "Bearer test-admin-token").when().post("/watch/refresh").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("The watch is off"));
        given().when().post("/watch/refresh").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer test-author-token").when().post("/watch/refresh").then().statusCode(403);
    }

    @Test
    void hasNoHistoryWhileOff() {
        given().when().get("/watch/history").then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("WATCH_FRED_API_KEY"));
    }
}
