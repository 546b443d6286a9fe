package dev.reservewatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.reservewatch.testing.FiniteAnswers;

/**
 * The fuzz run: random and mutated requests to every input endpoint ({@link RandomInputs}), and rule drafts to
 * validate and impact with the author's token, for a fixed time, from a fresh seed each run, each answer checked
 * ({@link FuzzClient}); a verdict asked twice must come out the same. Every run also sends a draft that never
 * returns, then a good one. The first failure is shrunk and printed ready to be saved under
 * {@code src/test/resources/fuzz-regressions/}, where {@link FuzzRegressionTest} replays it in every build.
 * <p>
 * Left out of the plain build (tag {@code fuzz}); .ci/fuzz runs it. Settings: {@code fuzz.seconds} (default 60),
 * {@code fuzz.seed} (default: a fresh one, printed first), {@code fuzz.shrink-seconds} (60).
 */
@QuarkusTest
@Tag("fuzz")
@TestProfile(HttpFuzzTest.FuzzProfile.class)
class HttpFuzzTest {

    /** A short impact timeout, so that the runaway draft each run sends costs seconds, not half a minute. */
    public static class FuzzProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no log settings here: log levels are the JVM's, and a profile's would outlive its test
            return Map.of("rules.drafts.impact-timeout", "6s");
        }
    }

    static final Path FINDINGS = Path.of("target/fuzz-failures");

    @Test
    void everyAnswerIsAVerdictOrAProblemNeverAFailure() throws IOException {
        long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", 60));
        System.out.printf("FUZZ seed=%d budget=%ds: rerun with FUZZ_SEED=%d bash .ci/fuzz, or ./mvnw test "
                + "-Dtests.excludedGroups=none -Djazzer.groups=none -Dtest=HttpFuzzTest -Dfuzz.seed=%d%n", seed,
                budget.toSeconds(), seed, seed);
        RandomInputs inputs = new RandomInputs(seed);
        Map<String, Integer> counts = new TreeMap<>();
        long started = System.nanoTime();
        long draftsUntil = started + budget.toNanos() * 3 / 10;
        FuzzCase failing = null;
        FuzzClient.Answer failed = null;
        int sent = 0;

        // a runaway draft, then a good one: the first is stopped, the second judged
        for (FuzzCase draft : new FuzzCase[] { inputs.runaway(), inputs.draft() }) {
            FuzzClient.Answer answer = FuzzClient.send(draft);
            count(counts, draft, answer);
            sent++;
            if (answer.problem() != null) {
                failing = draft;
                failed = answer;
                break;
            }
        }
        while (failing == null && System.nanoTime() - started < budget.toNanos()) {
            FuzzCase input = System.nanoTime() < draftsUntil ? inputs.draft() : inputs.input();
            FuzzClient.Answer answer = FuzzClient.send(input);
            count(counts, input, answer);
            sent++;
            if (answer.problem() == null && answer.status() == 200 && sent % 7 == 0
                    && input.endpoint().startsWith("/verdicts")) {
                FuzzClient.Answer again = FuzzClient.send(input);
                if (!FiniteAnswers.comparable(RandomInputs.parse(again.body()))
                        .equals(FiniteAnswers.comparable(RandomInputs.parse(answer.body())))) {
                    answer = new FuzzClient.Answer(answer.status(), answer.contentType(), answer.body(),
                            "the same input, another answer: " + again.body());
                }
            }
            if (answer.problem() != null) {
                failing = input;
                failed = answer;
            }
        }
        System.out.printf("FUZZ sent %d requests in %d s: %s%n", sent,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), counts);
        if (failing != null) {
            report(seed, failing, failed);
        }
        assertThat(failing).as("a failing input (see above)").isNull();
        assertThat(sent).as("requests sent").isGreaterThan(1);
    }

    private static void count(Map<String, Integer> counts, FuzzCase input, FuzzClient.Answer answer) {
        String endpoint = input.endpoint().replaceFirst("\\?.*", "");
        counts.merge(endpoint + (input.contentType().equals("text/csv") ? " (csv)" : "") + " " + answer.status(), 1,
                Integer::sum);
    }

    /** Shrinks the failure, prints it as a regression file and writes it under target/fuzz-failures. */
    private static void report(long seed, FuzzCase failing, FuzzClient.Answer failed) throws IOException {
        String signature = failed.signature();
        System.out.printf("FUZZ FAILURE (seed %d): %s %s answered %d: %s%n", seed, failing.endpoint(),
                failing.contentType(), failed.status(), failed.problem());
        Shrinker shrinker = new Shrinker(candidate -> FuzzClient.send(candidate).signature().equals(signature),
                Duration.ofSeconds(Long.getLong("fuzz.shrink-seconds", 60)).toNanos());
        FuzzCase shrunk = shrinker.shrink(failing);
        FuzzClient.Answer answer = FuzzClient.send(shrunk);
        FuzzCase finding = shrunk.found("seed " + seed, answer.status() + " " + answer.problem());
        String file = FiniteAnswers.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(finding);
        Path path = Path.of(FuzzRegressionTest.FOLDER, finding.fileName());
        System.out.printf("FUZZ shrunk from %d to %d bytes in %d tries; save it as a regression test:%n"
                + "----8<---- %s%n%s%n----8<----%n", failing.size(), shrunk.size(), shrinker.tries(),
                Path.of("src/test/resources").resolve(path), file);
        Files.createDirectories(FINDINGS);
        Files.writeString(FINDINGS.resolve(finding.fileName()), file);
    }

}
