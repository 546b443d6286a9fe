package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.reservewatch.engine.RulesFolder;

/** POST /rules/reload with a token, on a copy of the rules that the test edits. */
@QuarkusTest
@TestProfile(RulesAdminResourceTest.EditableRules.class)
class RulesAdminResourceTest {

    static final Path DIR = Path.of("target/test-rules/admin");
    static final String TOKEN = "test-token-7f3a";

    public static class EditableRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            copyShippedRules(DIR);
            return Map.of("rules.dir", DIR.toString(), "rules.admin-token", TOKEN, "rules.watch", "false");
        }
    }

    /** A fresh copy of the shipped rules in {@code dir}, which the tests then edit. */
    static void copyShippedRules(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            RulesFolder.copyOfShipped(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void refusesAMissingOrWrongToken() {
        given().when().post("/rules/reload")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer not-the-token")
                .when().post("/rules/reload")
                .then().statusCode(401);
        given().header("Authorization", "Basic " + TOKEN)
                .when().post("/rules/reload")
                .then().statusCode(401);
    }

    @Test
    void reloadsOnDemandAndShowsARefusedEditWhileTheLastGoodKeepsServing() throws IOException {
        String version = given().when().get("/rules").then().extract().path("version");
        given().header("Authorization", "Bearer " + TOKEN)
                .when().post("/rules/reload")
                .then().statusCode(200).body("status", is("UNCHANGED")).body("activeVersion", is(version));

        Files.writeString(DIR.resolve("typo.drl"), """
                package rules;
                import dev.reservewatch.model.*;

                rule "A rule with a typo"
                when
                    Market( excessReservesPct < 10.0 )
                then
                end
                """);
        try {
            given().header("Authorization", "Bearer " + TOKEN)
                    .when().post("/rules/reload")
                    .then().statusCode(200)
                    .body("status", is("REJECTED"))
                    .body("activeVersion", is(version))
                    .body("rejection.errors[0].file", is("typo.drl"));

            given().when().get("/rules")
                    .then().statusCode(200)
                    .body("version", is(version))
                    .body("lastRejected.reason", containsString("compile error"))
                    .body("lastRejected.errors[0].file", is("typo.drl"))
                    .body("lastRejected.errors[0].line", is(6))
                    .body("lastRejected.errors[0].column", is(4));

            given().contentType(ContentType.JSON).body(Files.readAllBytes(Path.of("examples/2025-10-article.json")))
                    .when().post("/verdicts")
                    .then().statusCode(200).body("ruleset.version", is(version));
        } finally {
            Files.delete(DIR.resolve("typo.drl"));
        }
    }
}
