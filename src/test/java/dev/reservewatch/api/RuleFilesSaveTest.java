package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * {@code PUT /rules/files/{name}}, the console's Save: only the admin writes, only an edit the rules' checks
 * would take is written, and a folder the service may not write (a Kubernetes ConfigMap) is never written.
 * On the same rules copy and tokens as {@link RulesDraftsAndReloadTest}.
 */
@QuarkusTest
@TestProfile(RulesDraftsAndReloadTest.EditableRules.class)
class RuleFilesSaveTest {

    private static final Path DIR = RulesDraftsAndReloadTest.DIR;

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.TOKEN)
                .contentType(ContentType.TEXT.withCharset("UTF-8")); // the rules hold Chinese text
    }

    @Test
    void savesAnEditThatPassesAndActivatesIt() throws IOException {
        String before = given().when().get("/rules").then().extract().path("version");
        String edited = Files.readString(DIR.resolve("thresholds.drl")) + "\n// reviewed by the desk\n";
        admin().body(edited).when().put("/rules/files/thresholds.drl")
                .then().statusCode(200).body("status", is("ACTIVATED")).body("activeVersion", not(before));
        assertThat(Files.readString(DIR.resolve("thresholds.drl"))).isEqualTo(edited);
        assertThat(DIR.resolve(".thresholds.drl.saving")).doesNotExist();
        given().when().get("/rules/files/thresholds.drl").then().body(containsString("reviewed by the desk"));
    }

    @Test
    void writesNothingThatTheChecksWouldRefuse() throws IOException {
        String before = Files.readString(DIR.resolve("facilities.drl"));
        String version = given().when().get("/rules").then().extract().path("version");
        // compiles, but the standing repo spike line is gone: the article's scenario fails
        String broken = before.replace("srfTakeupBn >= thresholds.srfSpikeBn", "srfTakeupBn >= 1000000");
        assertThat(broken).isNotEqualTo(before);
        admin().body(broken).when().put("/rules/files/facilities.drl")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Nothing was written"))
                .body("errors.field", hasItem(containsString("scenario ")));
        admin().body("rule \"typo\" when Market( then end").when().put("/rules/files/facilities.drl")
                .then().statusCode(422).body("errors[0].field", containsString("facilities.drl:"));
        assertThat(Files.readString(DIR.resolve("facilities.drl"))).isEqualTo(before);
        given().when().get("/rules").then().body("version", is(version));
    }

    @Test
    void savesOneAtATimeSoThatWhatServesIsWhatTheFolderHolds() throws Exception {
        String base = Files.readString(DIR.resolve("inflation.drl"));
        List<String> texts = List.of(base + "\n// desk A\n", base + "\n// desk B\n");
        ExecutorService desks = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String text : texts) {
                answers.add(desks.submit(() -> admin().body(text).when().put("/rules/files/inflation.drl")
                        .then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            desks.shutdownNow();
        }
        String onDisk = Files.readString(DIR.resolve("inflation.drl"));
        assertThat(texts).contains(onDisk);
        given().when().get("/rules/files/inflation.drl").then().body(is(onDisk));
        assertThat(DIR.resolve(".inflation.drl.saving")).doesNotExist();
    }

    @Test
    void aSaveSentAsJsonIsToldToSendText() {
        given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.TOKEN).contentType(ContentType.JSON)
                .body("{\"text\": \"package rules;\"}").when().put("/rules/files/new.drl")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("text/plain"));
    }

    @Test
    void onlyTheAdminWritesAndOnlyRuleFileNames() {
        given().contentType(ContentType.TEXT).body("package rules;").when().put("/rules/files/new.drl")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.AUTHOR).contentType(ContentType.TEXT)
                .body("package rules;").when().put("/rules/files/new.drl")
                .then().statusCode(403);
        admin().body("package rules;").when().put("/rules/files/notes.txt")
                .then().statusCode(400).body("errors[0].field", is("name"));
        admin().body("").when().put("/rules/files/new.drl").then().statusCode(400);
        assertThat(DIR.resolve("new.drl")).doesNotExist();
    }

    @Test
    void neverWritesAFolderLaidOutAsAConfigMap() throws IOException {
        Path data = DIR.resolve("..data");
        Files.createDirectory(data);
        try {
            given().when().get("/rules").then().body("writable", is(false));
            String before = Files.readString(DIR.resolve("thresholds.drl"));
            admin().body(before + "\n// edited\n").when().put("/rules/files/thresholds.drl")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("Download the file"));
            assertThat(Files.readString(DIR.resolve("thresholds.drl"))).isEqualTo(before);
        } finally {
            Files.delete(data);
        }
        given().when().get("/rules").then().body("writable", is(true));
    }
}
