package dev.reservewatch.service;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.model.Input;

/**
 * A series as CSV: a header of snapshot field names (the runoff as {@code runoffActive},
 * {@code runoffTreasuryCapBn}, {@code runoffMbsCapBn}, {@code runoffPurchasesActive}), one point a row, an empty cell for an absent
 * figure. Each row is then read as strictly as a JSON snapshot; errors name the line and the column.
 */
public final class SeriesCsv {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    /** The runoff object's fields as columns: {@code runoff} and the field's name, capitalised. */
    private static final List<String> RUNOFF_COLUMNS = SnapshotReader.RUNOFF_FIELDS.keySet().stream()
            .map(field -> "runoff" + Character.toUpperCase(field.charAt(0)) + field.substring(1)).toList();
    private static final int MAX_ERRORS = 100;
    /** A number as JSON writes one (a leading '-', no '+', no hexadecimal, no type suffix), at most 40 characters. */
    static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern
            .compile("(?=.{1,40}$)-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private SeriesCsv() {
    }

    /** Every column name a series CSV may use. */
    public static Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        columns.add("asOf");
        for (Input input : Input.values()) {
            columns.add(input.field());
        }
        columns.addAll(RUNOFF_COLUMNS);
        return columns;
    }

    public static List<MarketSnapshot> read(byte[] body, SnapshotReader reader, int maxPoints) {
        Set<String> known = columns();
        List<MarketSnapshot> points = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            if (!rows.hasNext()) {
                throw BadInputException.of("line 1", "the CSV is empty: expected a header of snapshot field names");
            }
            String[] header = rows.next();
            List<String> unknown = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String column : header) {
                if (!known.contains(column)) {
                    unknown.add(column);
                } else if (!seen.add(column)) {
                    errors.add(new FieldError("line 1, column " + column, "appears twice in the header"));
                }
            }
            if (!unknown.isEmpty()) {
                throw new BadInputException("Unknown CSV column(s) " + unknown + "; the columns are snapshot field names: "
                        + known, unknown.stream().map(c -> new FieldError("line 1, column " + Excerpt.of(c, 40),
                                "unknown column; known: " + known)).toList());
            }
            if (!seen.contains("asOf")) {
                throw BadInputException.of("line 1", "the header needs an asOf column");
            }
            while (rows.hasNext() && errors.size() < MAX_ERRORS) {
                int line = rows.getCurrentLocation().getLineNr(); // where the row starts: just after the last one
                String[] row = rows.next();
                if (points.size() + 1 > maxPoints) {
                    throw PayloadTooLargeException.count("The series", maxPoints + 1L, "or more points", maxPoints,
                            "limits.series-points", "Split it into several requests.");
                }
                MarketSnapshot point = readRow(header, row, line, reader, errors);
                if (point != null) {
                    points.add(point);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException || e instanceof PayloadTooLargeException) {
                throw (RuntimeException) e;
            }
            throw BadInputException.of("body", "is not readable CSV: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("The CSV has " + errors.size() + (errors.size() >= MAX_ERRORS ? "+" : "")
                    + " problem(s), first: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        return points;
    }

    private static MarketSnapshot readRow(String[] header, String[] row, int line, SnapshotReader reader,
            List<FieldError> errors) {
        if (row.length != header.length) {
            errors.add(new FieldError("line " + line, "has " + row.length + " cells; the header has " + header.length));
            return null;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode runoff = null;
        boolean ok = true;
        for (int c = 0; c < header.length; c++) {
            String column = header[c];
            String cell = row[c];
            if (cell.isEmpty()) {
                continue;
            }
            String where = "line " + line + ", column " + (c + 1) + " (" + column + ")";
            try {
                if (column.equals("asOf")) {
                    node.put("asOf", cell);
                } else if (RUNOFF_COLUMNS.contains(column)) {
                    String field = Character.toLowerCase(column.charAt("runoff".length()))
                            + column.substring("runoff".length() + 1);
                    runoff = runoff == null ? node.putObject("runoff") : runoff;
                    if (SnapshotReader.RUNOFF_FIELDS.get(field).getType() == Boolean.class) {
                        if (!cell.equalsIgnoreCase("true") && !cell.equalsIgnoreCase("false")) {
                            throw new NumberFormatException("must be true or false");
                        }
                        runoff.put(field, Boolean.parseBoolean(cell.toLowerCase()));
                    } else {
                        runoff.put(field, number(cell));
                    }
                } else {
                    node.put(column, number(cell));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError(where, e.getMessage() != null && e.getMessage().startsWith("must")
                        ? e.getMessage() + ", not '" + Excerpt.of(cell, 40) + "'" : "not a number: '" + Excerpt.of(cell, 40) + "'"));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        try {
            return reader.read(node, "line " + line + ", ");
        } catch (BadInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static double number(String cell) {
        if (!PLAIN_NUMBER.matcher(cell).matches()) {
            throw new NumberFormatException(); // Java's own spellings too: 1d, 0x1p3, NaN
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("must be a finite number");
        }
        return value;
    }

    /**
     * A series as CSV, as {@link #read} reads it: a header of the columns that hold a value at some point, one
     * row a point, an empty cell for an absent figure, numbers written in full (no exponent).
     */
    public static String write(List<MarketSnapshot> points) {
        List<String> columns = new ArrayList<>();
        for (String column : columns()) {
            if (points.stream().anyMatch(point -> cell(point, column) != null)) {
                columns.add(column);
            }
        }
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (MarketSnapshot point : points) {
            for (int c = 0; c < columns.size(); c++) {
                Object value = cell(point, columns.get(c));
                if (c > 0) {
                    csv.append(',');
                }
                if (value instanceof Double number) {
                    csv.append(java.math.BigDecimal.valueOf(number).toPlainString());
                } else if (value != null) {
                    csv.append(value);
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static Object cell(MarketSnapshot point, String column) {
        if (RUNOFF_COLUMNS.contains(column)) {
            String field = Character.toLowerCase(column.charAt("runoff".length())) + column.substring("runoff".length() + 1);
            return point.runoff() == null ? null : component(point.runoff(), SnapshotReader.RUNOFF_FIELDS.get(field));
        }
        return column.equals("asOf") ? point.asOf() : point.value(Input.byField(column).orElseThrow());
    }

    private static Object component(Record record, java.lang.reflect.RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

}
