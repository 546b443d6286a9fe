package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
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

import dev.reservewatch.engine.lifecycle.RulesFolder;

/**
 * The endpoints that take rule text or change what serves, with both rules tokens configured: drafts checked
 * for an author (never for an anonymous caller, and never run at compile time), reloads for the admin, on a
 * copy of the rules that the tests edit.
 */
@QuarkusTest
@TestProfile(RulesDraftsAndReloadTest.EditableRules.class)
class RulesDraftsAndReloadTest {

    static final Path DIR = Path.of("target/test-rules/admin");
    static final String TOKEN = "test-token-7f3a";
    static final String AUTHOR = "author-token-91c2";
    private static final String TYPO = """
            package rules;
            import dev.reservewatch.model.*;

            rule "A rule with a typo"
            when
                Market( excessReservesPct < 10.0 )
            then
            end
            """;

    public static class EditableRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            copyShippedRules(DIR);
            return Map.of("rules.dir", DIR.toString(), "rules.admin-token", TOKEN, "rules.author-token", AUTHOR,
                    "rules.watch", "false");
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

    @Test
    void refusesDraftsWithoutOrWithAWrongToken() {
        for (String authorization : new String[] { null, "Bearer not-the-token", "Basic " + AUTHOR, "Bearer" }) {
            var request = given().contentType(ContentType.TEXT).queryParam("file", "typo.drl").body(TYPO);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.when().post("/rules/validate")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.TEXT).body(TYPO)
                .when().post("/rules/validate")
                .then().statusCode(200).body("valid", is(false));
    }

    @Test
    void theAuthorsTokenChecksDraftsButDoesNotReload() {
        given().header("Authorization", "Bearer " + AUTHOR)
                .when().post("/rules/reload")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("author"));
    }

    @Test
    void aDraftWithCodeInItsMetadataOrADeclaredDefaultRunsNothing() throws IOException {
        Path inMetadata = Path.of("target/draft-ran-metadata");
        Path inDefault = Path.of("target/draft-ran-default");
        Files.deleteIfExists(inMetadata);
        Files.deleteIfExists(inDefault);
        // anonymous: refused before the body is read
        given().contentType(ContentType.TEXT).body(Drafts.codeInMetadata(inMetadata))
                .when().post("/rules/validate").then().statusCode(401);
        // an author: refused before it is compiled, with the construct at its line
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.TEXT)
                .queryParam("file", "evil.drl").body(Drafts.codeInMetadata(inMetadata))
                .when().post("/rules/validate")
                .then().statusCode(200)
                .body("valid", is(false))
                .body("errors[0].file", is("evil.drl"))
                .body("errors[0].line", is(4))
                .body("errors[0].message", containsString("literal"));
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("trap.drl", Drafts.codeInDeclaredDefault(inDefault))))
                .when().post("/rules/validate")
                .then().statusCode(200)
                .body("valid", is(false))
                .body("errors[0].file", is("trap.drl"))
                .body("errors[0].message", containsString("literal"));
        assertThat(inMetadata).doesNotExist();
        assertThat(inDefault).doesNotExist();
    }

    @Test
    void validatesOneDraftFileAgainstTheActiveRules() {
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.TEXT).queryParam("file", "analyst.drl").body("""
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
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.TEXT).queryParam("file", "typo.drl").body(TYPO)
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
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.JSON).queryParam("standalone", true)
                .body(Map.of("files", Map.of("one.drl", one, "two.drl", two)))
                .when().post("/rules/validate")
                .then().statusCode(200)
                .body("valid", is(true))
                .body("files", is(java.util.List.of("one.drl", "two.drl")))
                .body("warnings.message", hasItem(containsString("'Same name' is also used in")));
    }

    @Test
    void standaloneValidationDoesNotSeeTheActiveThresholds() {
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.TEXT).queryParam("standalone", true).body("""
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
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.JSON).body("{\"file\": \"x\"}")
                .when().post("/rules/validate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("files"));
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.JSON).body("{\"files\": {\"a.drl\": 5}}")
                .when().post("/rules/validate")
                .then().statusCode(400).body("errors[0].field", is("files.a.drl"));
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.TEXT).body("rule".repeat(300_000))
                .when().post("/rules/validate")
                .then().statusCode(413).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + AUTHOR).contentType(ContentType.TEXT).queryParam("file", "../../etc/passwd").body(TYPO)
                .when().post("/rules/validate")
                .then().statusCode(200).body("valid", is(false))
                .body("errors[0].message", containsString("ends in .drl"));
    }

}
