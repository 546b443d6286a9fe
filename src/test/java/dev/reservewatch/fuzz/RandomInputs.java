package dev.reservewatch.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reservewatch.contract.Runoff;
import dev.reservewatch.model.Bounds;
import dev.reservewatch.model.Input;
import dev.reservewatch.service.FredSeries;
import dev.reservewatch.service.SeriesCsv;
import dev.reservewatch.testing.FiniteAnswers;
import dev.reservewatch.testing.FuzzValues;

/**
 * Random requests for every input the service reads, built from the catalogue of figures (so a new figure is
 * fuzzed with no change here): snapshots near real ones and at every edge, then mutated as JSON (values swapped
 * for extremes or other types, fields dropped, repeated, misspelt, text cut); series as JSON and CSV; FRED
 * uploads; rule drafts made of the shipped files with typos, extreme thresholds and consequences that throw,
 * loop, recurse, allocate or exit. The same seed gives the same requests.
 */
final class RandomInputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_NUMBERS = List.of("1e999", "-1e999", "NaN", "Infinity", "1e-400",
            "123456789012345678901234567890", "-0", "0.0000000000000000000000001", "1E+308", "4.9e-324");
    private static final List<String> HOSTILE_CONSEQUENCES = List.of(
            "throw new IllegalStateException(\"no\");",
            "int[] a = new int[0]; a[1] = 1;",
            "Object o = null; o.toString();",
            "long[] big = new long[200000000]; big[0] = 1;",
            "System.exit(3);",
            "Thread t = new Thread(() -> { try { Thread.sleep(600000); } catch (Exception e) { } }); t.start();",
            "insert(new Signal(\"FUZZ\", Severity.WARN, \"reserveBalancesBn\", 1e308 * 10, -1e308 * 10, \"$bn\", "
                    + "\"{observed} {threshold}\"));",
            "insert(new Signal(\"FUZZ\", Severity.INFO, null, 0.0 / 0.0, null, null, \"nan {observed}\"));");
    private static final String RUNAWAY = "long i = 0; while (i >= 0) { i = (i + 1) % 1000; }";
    private static final List<String> TYPOS = List.of("reserveBalanceBn", "Market(", "thn", "enf", "when when", ";;",
            "\"", "{", ")", "salience 1e308", "1e-320", "1.7976931348623157E308", "-0.0", "0x1p1023", "9999999999999");

    private final SplittableRandom random;
    /** Whether the snapshot being built may hold values outside their bounds. */
    private boolean hostile;
    private final List<Path> ruleFiles;

    RandomInputs(long seed) {
        this.random = new SplittableRandom(seed);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            this.ruleFiles = files.filter(file -> file.toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request to one of the input endpoints (not drafts). */
    FuzzCase input() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> FuzzCase.of("/verdicts", "application/json", mutated(snapshot(true)));
            case 4, 5 -> FuzzCase.of("/verdicts/series", "application/json", mutated(series()));
            case 6, 7 -> FuzzCase.of("/verdicts/series", "text/csv", csv());
            default -> FuzzCase.upload(fredParts());
        };
    }

    /** A rule draft with the test author's token: to validate, or to judge on a few points. */
    FuzzCase draft() {
        Path file = ruleFiles.get(random.nextInt(ruleFiles.size()));
        String text = mutatedDrl(read(file));
        String name = file.getFileName().toString();
        if (random.nextInt(3) == 0) {
            return FuzzCase.of("/rules/validate?file=" + name, "text/plain", text).withAuthor();
        }
        ObjectNode body = NODES.objectNode();
        body.putObject("files").put(name, text);
        body.set("points", cleanSeries(1 + random.nextInt(6)));
        return FuzzCase.of("/rules/impact", "application/json", body.toString()).withAuthor();
    }

    /** Points every figure of which is in its bounds: what a draft is judged on. */
    private ArrayNode cleanSeries(int points) {
        ArrayNode array = NODES.arrayNode();
        LocalDate day = LocalDate.of(2025, 10, 22).minusWeeks(points);
        for (int i = 0; i < points; i++) {
            day = day.plusDays(7);
            array.add(snapshot(false, false).put("asOf", day.toString()));
        }
        return array;
    }

    /** A draft whose consequence never returns: it must be stopped, and the next draft judged. */
    FuzzCase runaway() {
        String drl = """
                package rules;
                import dev.reservewatch.model.*;
                rule "Never returns"
                when
                    Market( reserveBalancesBn != null )
                then
                    %s
                end
                """.formatted(RUNAWAY);
        ObjectNode body = NODES.objectNode();
        body.putObject("files").put("runaway.drl", drl);
        body.set("points", cleanSeries(2));
        return FuzzCase.of("/rules/impact", "application/json", body.toString()).withAuthor();
    }

    /** A snapshot: every figure in its bounds half of the time, else some at or past an edge or anywhere. */
    ObjectNode snapshot(boolean withHistory) {
        return snapshot(withHistory, random.nextBoolean());
    }

    private ObjectNode snapshot(boolean withHistory, boolean hostile) {
        this.hostile = hostile;
        ObjectNode node = NODES.objectNode();
        LocalDate asOf = LocalDate.of(2025, 10, 22).minusDays(random.nextInt(3000));
        node.put("asOf", hostile && random.nextInt(6) == 0 ? pick(FuzzValues.DATES) : asOf.toString());
        for (Input input : Input.values()) {
            if (random.nextInt(4) > 0) {
                putNumber(node, input.field(), input.bounds(), input.example());
            }
        }
        if (random.nextBoolean()) {
            ObjectNode runoff = node.putObject("runoff");
            runoff.put("active", random.nextBoolean());
            putNumber(runoff, "treasuryCapBn", Runoff.CAP_BOUNDS, 30);
            putNumber(runoff, "mbsCapBn", Runoff.CAP_BOUNDS, 17.5);
        }
        if (withHistory && random.nextInt(3) == 0) {
            ArrayNode history = node.putArray("history");
            int entries = random.nextInt(6);
            for (int i = 0; i < entries; i++) {
                ObjectNode earlier = snapshot(false, hostile && random.nextInt(3) == 0);
                earlier.put("asOf", asOf.minusDays(1 + random.nextInt(200)).toString());
                history.add(earlier);
            }
        }
        return node;
    }

    private void putNumber(ObjectNode node, String field, Bounds bounds, double example) {
        if (!hostile || random.nextInt(5) > 0) {
            double value = random.nextInt(10) == 0 ? pick(List.of(bounds.min(), bounds.max()))
                    : example * (0.5 + random.nextDouble());
            node.put(field, Math.max(bounds.min(), Math.min(bounds.max(), value)));
            return;
        }
        switch (random.nextInt(8)) {
            case 0 -> node.put(field, pick(FuzzValues.EXTREMES));
            case 1 -> node.put(field, pick(List.of(bounds.min(), bounds.max(), Math.nextDown(bounds.min()),
                    Math.nextUp(bounds.max()))));
            case 2 -> node.put(field, Double.longBitsToDouble(random.nextLong()) * (random.nextBoolean() ? 1 : 0)
                    + (random.nextBoolean() ? 0 : example));
            default -> node.put(field, example * (0.5 + random.nextDouble()));
        }
        if (!Double.isFinite(node.get(field).doubleValue())) {
            node.put(field, example);
        }
    }

    private ArrayNode series() {
        return series(1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8));
    }

    private ArrayNode series(int points) {
        ArrayNode array = NODES.arrayNode();
        LocalDate day = LocalDate.of(2025, 10, 22).minusWeeks(points);
        boolean hostileSeries = random.nextBoolean();
        for (int i = 0; i < points; i++) {
            ObjectNode point = snapshot(false, hostileSeries && random.nextInt(4) == 0);
            day = day.plusDays(random.nextInt(20) == 0 ? 0 : 7);
            point.put("asOf", day.toString());
            array.add(point);
        }
        return array;
    }

    /** JSON text after one to three mutations: a value replaced, a field dropped or misspelt, text cut or repeated. */
    String mutated(JsonNode node) {
        JsonNode copy = node.deepCopy();
        int mutations = random.nextInt(5) < 2 ? 0 : random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            ObjectNode target = anObject(copy);
            if (target == null || target.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            String name = pick(names);
            switch (random.nextInt(7)) {
                case 0 -> target.remove(name);
                case 1 -> target.set(name + (random.nextBoolean() ? "x" : ""), target.remove(name));
                case 2 -> target.put(name, pick(List.of("5.2", "", "2025-10-24", "true")));
                case 3 -> target.set(name, pick(List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(),
                        NODES.objectNode(), NODES.numberNode(new java.math.BigDecimal("1e400")))));
                case 4 -> target.put(name, pick(FuzzValues.EXTREMES));
                default -> target.put("asOf", pick(FuzzValues.DATES));
            }
        }
        String text = copy.toString();
        return switch (mutations == 0 ? 99 : random.nextInt(12)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> text.replaceFirst(":(-?[0-9.eE+]+)",
                    java.util.regex.Matcher.quoteReplacement(":" + pick(ODD_NUMBERS)));
            case 2 -> text.replaceFirst("\\{", "{\"asOf\":\"2025-10-24\",");
            default -> text;
        };
    }

    /** An object somewhere in the tree: the top, a history entry, a runoff, a series point. */
    private ObjectNode anObject(JsonNode node) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(node, objects);
        return objects.isEmpty() ? null : pick(objects);
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collect(child, into));
    }

    private String csv() {
        List<String> columns = new ArrayList<>(List.of("asOf"));
        for (String column : SeriesCsv.columns()) {
            if (!column.equals("asOf") && random.nextInt(3) == 0) {
                columns.add(column);
            }
        }
        if (random.nextInt(15) == 0) {
            columns.add(pick(List.of("reserveBalanceBn", "asOf", "")));
        }
        StringBuilder text = new StringBuilder(String.join(",", columns)).append('\n');
        LocalDate day = LocalDate.of(2025, 10, 22).minusWeeks(10);
        int rows = random.nextInt(random.nextInt(10) == 0 ? 60 : 8);
        hostile = random.nextInt(3) == 0;
        for (int r = 0; r < rows; r++) {
            day = day.plusDays(hostile && random.nextInt(10) == 0 ? 0 : 7);
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(cell(column, day));
            }
            if (hostile && random.nextInt(20) == 0) {
                cells.remove(cells.size() - 1);
            }
            text.append(String.join(",", cells)).append('\n');
        }
        return text.toString();
    }

    private String cell(String column, LocalDate day) {
        if (column.equals("asOf")) {
            return hostile && random.nextInt(15) == 0 ? pick(FuzzValues.DATES) : day.toString();
        }
        if (column.endsWith("Active")) {
            return hostile ? pick(List.of("true", "false", "", "TRUE", "yes")) : pick(List.of("true", "false", ""));
        }
        if (!hostile) {
            Bounds bounds = Input.byField(column).map(Input::bounds).orElse(Runoff.CAP_BOUNDS);
            return Double.toString(bounds.min() + random.nextDouble() * Math.min(bounds.max() - bounds.min(), 5000));
        }
        if (random.nextInt(40) == 0) {
            return pick(List.of("", "NaN", "1e999", "0x1p1023", "1d", "+5", "\"5\"", "1,5", "abc"));
        }
        Bounds bounds = Input.byField(column).map(Input::bounds).orElse(Runoff.CAP_BOUNDS);
        double value = switch (random.nextInt(4) == 0 ? random.nextInt(5) : 4) {
            case 0 -> pick(FuzzValues.EXTREMES);
            case 1 -> pick(List.of(bounds.min(), bounds.max(), Math.nextUp(bounds.max())));
            default -> bounds.min() + random.nextDouble() * Math.min(bounds.max() - bounds.min(), 5000);
        };
        return Double.toString(value);
    }

    private Map<String, String> fredParts() {
        Map<String, String> parts = new LinkedHashMap<>();
        int files = 1 + random.nextInt(4);
        for (int i = 0; i < files; i++) {
            FredSeries series = pick(List.of(FredSeries.values()));
            StringBuilder csv = new StringBuilder(pick(List.of("observation_date,", "DATE,", "Date,")))
                    .append(random.nextInt(10) == 0 ? "Value" : series.name()).append('\n');
            LocalDate day = LocalDate.of(2024, 1, 3).plusDays(random.nextInt(600));
            int rows = random.nextInt(random.nextInt(10) == 0 ? 200 : 20);
            boolean odd = random.nextInt(3) == 0;
            for (int r = 0; r < rows; r++) {
                day = day.plusDays(series.schedule() == FredSeries.Schedule.MONTHLY ? 31 : 1 + random.nextInt(7));
                String date = odd && random.nextInt(10) == 0 ? pick(FuzzValues.DATES)
                        : series.schedule() == FredSeries.Schedule.MONTHLY ? day.withDayOfMonth(1).toString()
                                : day.toString();
                String value;
                if (random.nextInt(odd ? 4 : 30) == 0) {
                    value = pick(List.of("", ".", "NaN", "1e999", "0x1p3", "abc", "1e-320", "1e308"));
                } else {
                    Bounds bounds = series.bounds();
                    double v = odd && random.nextInt(4) == 0 ? pick(FuzzValues.EXTREMES)
                            : bounds.min() + random.nextDouble() * Math.min(bounds.max() - bounds.min(), 3000);
                    value = Double.toString(v / series.scale());
                }
                csv.append(date).append(',').append(value).append('\n');
            }
            parts.put(series.name(), csv.toString());
        }
        if (random.nextInt(8) == 0) {
            parts.put("from", pick(FuzzValues.DATES));
        }
        if (random.nextInt(12) == 0) {
            parts.put("policy", "{\"events\":[{\"date\":\"" + pick(FuzzValues.DATES) + "\",\"active\":true,"
                    + "\"treasuryCapBn\":" + pick(List.of("30", "1e308", "-5", "1000", "1000.5")) + ",\"mbsCapBn\":35}]}");
        }
        return parts;
    }

    private String mutatedDrl(String drl) {
        String text = drl;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            switch (random.nextInt(7)) {
                case 0 -> {
                    int at = random.nextInt(text.length());
                    text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
                }
                case 1 -> {
                    int at = random.nextInt(text.length());
                    text = text.substring(0, at) + pick(TYPOS) + text.substring(at);
                }
                case 2 -> text = text.replaceFirst("(: double = )[-0-9.eE]+", "$1" + pick(List.of("1e-320",
                        "1.0E308", "-1.7976931348623157E308", "0.0", "-0.0", "5e-324")));
                case 3 -> text = text.replaceFirst("\\bthen\\b",
                        java.util.regex.Matcher.quoteReplacement("then\n        " + pick(HOSTILE_CONSEQUENCES)));
                case 4 -> {
                    String[] lines = text.split("\n", -1);
                    int a = random.nextInt(lines.length);
                    int b = random.nextInt(lines.length);
                    String swap = lines[a];
                    lines[a] = lines[b];
                    lines[b] = swap;
                    text = String.join("\n", lines);
                }
                default -> {
                    // unchanged: a draft identical to the active file is a draft too
                }
            }
        }
        return text;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** For tests of the generator itself: JSON text as the service would read it back. */
    static JsonNode parse(String text) {
        try {
            return FiniteAnswers.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
