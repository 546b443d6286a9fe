package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.reservewatch.engine.draft.DraftJudge;

/**
 * The first draft's judge is started and warmed once the rules are active, before any author asks, and it runs
 * at a lower CPU priority than the service: the first impact after start-up is judged by a warm judge.
 */
@QuarkusTest
@TestProfile(DraftIsolationTest.ShortTimeout.class)
class DraftFirstJudgeWarmTest {

    @Inject
    DraftJudge judges;

    @Test
    void theFirstJudgeIsWarmBeforeTheFirstDraftAndYieldsTheCpu() throws Exception {
        // the service is shared with DraftIsolationTest, which runs after this class (test classes of one profile
        // run in the order of their names) and sends drafts of its own
        assertThat(DraftIsolationTest.ShortTimeout.DRAFTS_SENT.get()).as("a draft sent to this service before")
                .isFalse();
        // ready at once: the warming runs beside the service, not before it
        Management.management().when().get("/q/health/ready").then().statusCode(200);
        OptionalLong warm = OptionalLong.empty();
        for (long deadline = System.nanoTime() + 120_000_000_000L; warm.isEmpty() && System.nanoTime() < deadline;) {
            Thread.sleep(200);
            warm = judges.waitingJudge();
        }
        assertThat(warm).as("a judge warmed with no draft sent").isPresent();
        long pid = warm.getAsLong();
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        assumeTrue(Files.exists(stat), "no /proc to follow the judge");
        if (Files.exists(Path.of("/usr/bin/nice")) || Files.exists(Path.of("/bin/nice"))) {
            assertThat(niceness(stat)).as("the judge's CPU priority below the service's").isGreaterThan(niceness(
                    Path.of("/proc/self/stat")));
        }

        String body = "{\"files\": {\"warm.drl\": \"package rules;\\nimport dev.reservewatch.model.*;\\n\"}, "
                + "\"points\": [{\"asOf\": \"2025-10-22\", \"reserveBalancesBn\": 2933}]}";
        given().header("Authorization", "Bearer " + RulesDraftsAndReloadTest.AUTHOR).contentType(ContentType.JSON)
                .body(body).when().post("/rules/impact").then().statusCode(200);
        assertThat(Files.exists(stat)).as("the warm judge served the first draft and was ended after it").isFalse();
    }

    /** The nice value of a process: the 19th field of /proc/PID/stat, counted after the command's parentheses. */
    private static int niceness(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
