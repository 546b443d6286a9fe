package dev.reservewatch.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The properties every answer must have, checked on its JSON: every number finite, no number written as the text
 * "Infinity" or "NaN", and (to compare two answers to the same input) the answer without what differs by run.
 */
public final class FiniteAnswers {

    public static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    /** Fields that differ from one answer to the same input to the next. */
    private static final Set<String> PER_RUN = Set.of("evaluationMicros", "loadedAt", "decisionId", "timings",
            "compileMillis", "scenariosMillis", "judgingMillis");

    private FiniteAnswers() {
    }

    /** Where the tree holds a number that is not finite, or text that spells one; empty when none. */
    public static List<String> nonFinite(JsonNode node) {
        List<String> found = new ArrayList<>();
        walk(node, "$", found);
        return found;
    }

    public static List<String> nonFinite(Object answer) {
        return nonFinite(JSON.valueToTree(answer));
    }

    private static void walk(JsonNode node, String path, List<String> found) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            found.add(path + " = " + node);
        } else if (node.isTextual() && Set.of("Infinity", "-Infinity", "NaN").contains(node.textValue())) {
            found.add(path + " = \"" + node.textValue() + "\"");
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), path + "." + field.getKey(), found);
            }
        }
    }

    /** The answer without the fields that differ by run, to compare two answers to one input. */
    public static JsonNode comparable(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        strip(copy);
        return copy;
    }

    public static JsonNode comparable(Object answer) {
        return comparable(JSON.valueToTree(answer));
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(PER_RUN);
        }
        node.forEach(FiniteAnswers::strip);
    }
}
