package dev.reservewatch.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.model.Input;
import dev.reservewatch.testing.FiniteAnswers;
import dev.reservewatch.testing.FuzzValues;

/**
 * Any snapshot JSON, read as {@code POST /verdicts} reads it and judged by the shipped rules: refused with every
 * problem named, or judged into a verdict whose numbers are all finite, the same verdict each time. Coverage-guided
 * (Jazzer): a plain build replays the saved inputs; {@code JAZZER_FUZZ=1} fuzzes (.ci/fuzz).
 */
class SnapshotFuzzTest {

    private static final SnapshotReader READER = SnapshotReader.standalone();
    private static final DecisionEngine ENGINE = new DecisionEngine();

    @FuzzTest
    void anySnapshotIsRefusedWithItsProblemsOrJudgedWithFiniteNumbers(FuzzedDataProvider data) {
        byte[] body = data.consumeBoolean() ? snapshot(data, true).toString().getBytes(StandardCharsets.UTF_8)
                : data.consumeRemainingAsBytes();
        MarketSnapshot snapshot;
        try {
            snapshot = READER.read(body);
        } catch (BadInputException e) {
            assertThat(e.errors()).as("a refusal names its problems").isNotEmpty()
                    .allSatisfy(error -> assertThat(error.message()).isNotBlank());
            return;
        }
        Verdict verdict = ENGINE.evaluate(ShippedRules.ruleset(), snapshot);
        assertThat(FiniteAnswers.nonFinite(verdict)).as("non-finite numbers in the verdict of %s",
                new String(body, StandardCharsets.UTF_8)).isEmpty();
        assertThat(FiniteAnswers.comparable(ENGINE.evaluate(ShippedRules.ruleset(), READER.read(body))))
                .as("the same snapshot, the same verdict").isEqualTo(FiniteAnswers.comparable(verdict));
    }

    /** A snapshot object: each figure maybe, with a value at an edge or anywhere; runoff and history maybe. */
    static ObjectNode snapshot(FuzzedDataProvider data, boolean withHistory) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("asOf", FuzzValues.date(data));
        for (Input input : Input.values()) {
            if (data.consumeInt(0, 3) > 0) {
                double value = FuzzValues.number(data, input.bounds());
                if (Double.isFinite(value)) {
                    node.put(input.field(), value);
                } else {
                    node.put(input.field(), data.pickValue(List.of("1e999", "-1e999", "NaN")));
                }
            }
        }
        if (data.consumeBoolean()) {
            ObjectNode runoff = node.putObject("runoff");
            runoff.put("active", data.consumeBoolean());
            runoff.put("treasuryCapBn", FuzzValues.number(data, Runoff.CAP_BOUNDS));
            runoff.put("mbsCapBn", FuzzValues.number(data, Runoff.CAP_BOUNDS));
        }
        if (withHistory && data.consumeBoolean()) {
            ArrayNode history = node.putArray("history");
            int entries = data.consumeInt(0, 4);
            for (int i = 0; i < entries; i++) {
                history.add(snapshot(data, false));
            }
        }
        return node;
    }
}
