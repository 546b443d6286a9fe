package dev.reservewatch.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reservewatch.contract.Language;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;

/**
 * The example verdict shipped for the docs and the API description (examples/2025-10-article.verdict.json)
 * is what the shipped rules really answer for the example snapshot, field for field, but for what changes with
 * every answer (when the ruleset was loaded, how long the evaluation took, the decision id). Regenerate it with
 * {@code ./mvnw test -Dtest=ExampleVerdictTest -Dexamples.write=true}.
 */
class ExampleVerdictTest {

    static final Path SNAPSHOT = Path.of("examples/2025-10-article.json");
    static final Path VERDICT = Path.of("examples/2025-10-article.verdict.json");
    static final Path VERDICT_ZH = Path.of("examples/2025-10-article.verdict.zh.json");
    private static final List<String> PER_ANSWER = List.of("evaluationMicros", "decisionId");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** Four spaces a level and {@code "name": value}, as the examples are written. */
    static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("    ", "\n")).withArrayIndenter(new DefaultIndenter("    ", "\n"));

    @Test
    void exampleVerdictIsWhatTheShippedRulesAnswer() throws Exception {
        checkExample(Language.EN, VERDICT);
    }

    /** The same verdict in Chinese (docs/api.md quotes it), as {@code Accept-Language: zh} gives it. */
    @Test
    void exampleVerdictInChineseIsWhatTheShippedRulesAnswer() throws Exception {
        checkExample(Language.ZH, VERDICT_ZH);
    }

    private static void checkExample(Language language, Path file) throws Exception {
        Verdict verdict = new DecisionEngine().evaluate(ShippedRules.ruleset(),
                ShippedRules.READER.read(Files.readAllBytes(SNAPSHOT))).in(language);
        ObjectNode actual = JSON.valueToTree(verdict);
        ObjectNode example = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : actual.deepCopy();
        if (Boolean.getBoolean("examples.write")) {
            for (String field : PER_ANSWER) {
                actual.set(field, example.get(field));
            }
            ((ObjectNode) actual.get("ruleset")).set("loadedAt", example.at("/ruleset/loadedAt"));
            Files.writeString(file, JSON.writer(PRETTY).writeValueAsString(actual) + "\n");
            return;
        }
        assertThat(file).as("run ./mvnw test -Dtest=ExampleVerdictTest -Dexamples.write=true").exists();
        for (ObjectNode node : List.of(actual, example)) {
            PER_ANSWER.forEach(node::remove);
            ((ObjectNode) node.get("ruleset")).remove("loadedAt");
        }
        assertThat((JsonNode) example).as("%s is out of date: run ./mvnw test -Dtest=ExampleVerdictTest "
                + "-Dexamples.write=true", file).isEqualTo(actual);
    }
}
