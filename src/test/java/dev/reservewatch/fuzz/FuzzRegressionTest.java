package dev.reservewatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;

import dev.reservewatch.testing.FiniteAnswers;

/**
 * Every input that once made the service fail (a 500, a non-finite number, an ERROR line), as a fuzz run shrank
 * it or as it was found by hand, replayed in every build: each must now be answered as every answer must be
 * ({@link FuzzClient}). A new finding is saved here as {@link HttpFuzzTest} prints it.
 */
@QuarkusTest
class FuzzRegressionTest {

    static final String FOLDER = "fuzz-regressions";

    @TestFactory
    Stream<DynamicTest> everyInputThatOnceFailedIsNowAnsweredProperly() throws IOException, URISyntaxException {
        Path folder = Path.of(FuzzRegressionTest.class.getClassLoader().getResource(FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        FuzzCase input;
                        try (InputStream in = Files.newInputStream(file)) {
                            input = FiniteAnswers.JSON.readValue(in, FuzzCase.class);
                        }
                        FuzzClient.Answer answer = FuzzClient.send(input);
                        assertThat(answer.problem()).as("%s (was: %s), answered %d %s", file.getFileName(),
                                input.was(), answer.status(), answer.body()).isNull();
                    }));
        }
    }
}
