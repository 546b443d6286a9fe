package dev.reservewatch.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a failing input small while it still fails the same way: delta debugging over what the input is made of
 * (a JSON body's fields and array entries, then its numbers made plain; a CSV's or a draft's lines; an upload's
 * parts and their rows), keeping each smaller candidate that still fails, until none does or the time is up.
 */
final class Shrinker {

    private final Predicate<FuzzCase> stillFails;
    private final long deadline;
    private int tries;

    Shrinker(Predicate<FuzzCase> stillFails, long budgetNanos) {
        this.stillFails = stillFails;
        this.deadline = System.nanoTime() + budgetNanos;
    }

    int tries() {
        return tries;
    }

    FuzzCase shrink(FuzzCase failing) {
        FuzzCase current = failing;
        boolean smaller = true;
        while (smaller && !timeUp()) {
            smaller = false;
            for (FuzzCase candidate : candidates(current)) {
                if (timeUp()) {
                    break;
                }
                if (candidate.size() < current.size()) {
                    tries++;
                    if (stillFails.test(candidate)) {
                        current = candidate;
                        smaller = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private boolean timeUp() {
        return System.nanoTime() - deadline > 0;
    }

    private static List<FuzzCase> candidates(FuzzCase input) {
        List<FuzzCase> candidates = new ArrayList<>();
        if (input.parts() != null) {
            for (String name : input.parts().keySet()) {
                if (input.parts().size() > 1) {
                    Map<String, String> fewer = new LinkedHashMap<>(input.parts());
                    fewer.remove(name);
                    candidates.add(input.withParts(fewer));
                }
                for (String text : lineCandidates(input.parts().get(name), 1)) {
                    Map<String, String> changed = new LinkedHashMap<>(input.parts());
                    changed.put(name, text);
                    candidates.add(input.withParts(changed));
                }
            }
            return candidates;
        }
        JsonNode tree = input.contentType().startsWith("application/json") ? tree(input.body()) : null;
        if (tree != null) {
            for (JsonNode smaller : jsonCandidates(tree)) {
                candidates.add(input.withBody(smaller.toString()));
            }
            return candidates;
        }
        // CSV keeps its header, a draft every line may go
        for (String text : lineCandidates(input.body(), input.contentType().startsWith("text/csv") ? 1 : 0)) {
            candidates.add(input.withBody(text));
        }
        return candidates;
    }

    /** Chunks of lines removed, halves first, then single lines; lines before {@code keep} stay. */
    private static List<String> lineCandidates(String text, int keep) {
        List<String> lines = List.of(text.split("\n", -1));
        List<String> candidates = new ArrayList<>();
        for (int chunk = Math.max(1, (lines.size() - keep) / 2); chunk >= 1; chunk /= 2) {
            for (int start = keep; start < lines.size(); start += chunk) {
                List<String> fewer = new ArrayList<>(lines.subList(0, start));
                fewer.addAll(lines.subList(Math.min(lines.size(), start + chunk), lines.size()));
                candidates.add(String.join("\n", fewer));
            }
            if (chunk == 1) {
                break;
            }
        }
        return candidates;
    }

    /** Each field or array entry left out, one at a time; then each number replaced by a plainer one. */
    private static List<JsonNode> jsonCandidates(JsonNode root) {
        List<JsonNode> candidates = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        paths(root, "", paths);
        for (String path : paths) {
            JsonNode copy = root.deepCopy();
            if (remove(copy, path)) {
                candidates.add(copy);
            }
        }
        for (String path : paths) {
            JsonNode value = root.at(path);
            if (value.isNumber()) {
                double number = value.doubleValue();
                for (double plainer : new double[] { 0, 1, Math.rint(number), Math.pow(10, Math.rint(Math.log10(
                        Math.abs(number) + 1e-300))) }) {
                    if (Double.isFinite(plainer) && Double.toString(plainer).length() < value.toString().length()) {
                        JsonNode copy = root.deepCopy();
                        replace(copy, path, plainer);
                        candidates.add(copy);
                    }
                }
            }
        }
        return candidates;
    }

    private static void paths(JsonNode node, String at, List<String> into) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                into.add(path);
                paths(node.get(name), path, into);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                into.add(at + "/" + i);
                paths(node.get(i), at + "/" + i, into);
            }
        }
    }

    private static boolean remove(JsonNode root, String path) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(path.substring(0, slash));
        String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            return object.remove(last) != null;
        }
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
            return true;
        }
        return false;
    }

    private static void replace(JsonNode root, String path, double value) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(path.substring(0, slash));
        String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.put(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), JsonNodeFactory.instance.numberNode(value));
        }
    }

    private static JsonNode tree(String body) {
        try {
            return RandomInputs.parse(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
