package dev.reservewatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reservewatch.api.Verdict;

/**
 * The example verdict shipped for the API description (examples/2025-10-article.verdict.json) is what the
 * shipped rules really answer for the example snapshot: regime, actions, signals and missing inputs.
 */
class ExampleVerdictTest {

    @Test
    void exampleVerdictMatchesTheShippedRules() throws Exception {
        Verdict verdict = new DecisionEngine().evaluate(ShippedRules.ruleset(),
                ShippedRules.READER.read(Files.readAllBytes(Path.of("examples/2025-10-article.json"))));
        JsonNode example = new ObjectMapper().readTree(Path.of("examples/2025-10-article.verdict.json").toFile());
        assertThat(example.get("regime").asText()).isEqualTo(verdict.regime().name());
        assertThat(example.findValuesAsText("code")).as("action and signal codes, in order")
                .containsExactlyElementsOf(java.util.stream.Stream.concat(
                        verdict.actions().stream().map(Verdict.Action::code),
                        verdict.signals().stream().map(Verdict.SignalReport::code)).toList());
        assertThat(example.get("explanation").asText()).isEqualTo(verdict.explanation());
        assertThat(example.get("missingInputs").toString()).isEqualTo(new ObjectMapper().writeValueAsString(verdict.missingInputs()));
    }
}
