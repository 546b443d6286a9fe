package dev.reservewatch.contract;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.model.Bounds;
import dev.reservewatch.model.DateBounds;
import dev.reservewatch.model.Input;
import dev.reservewatch.model.Unit;

/**
 * Reads snapshots strictly and reports every problem at once: malformed JSON, a key given twice,
 * unknown field names (a typo must not silently change a verdict), wrong JSON types, non-finite
 * numbers, numbers outside their figure's bounds ({@link Input}), impossible dates and dates outside
 * {@link DateBounds#ALL}, and then the value rules of {@link MarketSnapshot} (ranges, ordering,
 * history). Fields with a problem are left out so the remaining ones can still be checked.
 */
public final class SnapshotReader {

    /** The snapshot's fields besides its figures ({@link Input}). */
    private static final List<String> OTHER_FIELDS = List.of("asOf", "runoff", "history");
    /** Every field a snapshot may give, for suggestions: asOf, the figures, runoff, history. */
    public static final List<String> FIELDS = fields();
    /** The fields of the runoff object, read off its record. */
    public static final Map<String, RecordComponent> RUNOFF_FIELDS = runoffFields();

    private final ObjectMapper mapper;
    private final ObjectMapper strictMapper;
    private final ObjectReader treeReader;
    private final Validator validator;

    public SnapshotReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.strictMapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.treeReader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
    }

    private static List<String> fields() {
        List<String> all = new ArrayList<>();
        all.add("asOf");
        for (Input input : Input.values()) {
            all.add(input.field());
        }
        all.add("runoff");
        all.add("history");
        return List.copyOf(all);
    }

    private static Map<String, RecordComponent> runoffFields() {
        Map<String, RecordComponent> fields = new LinkedHashMap<>();
        for (RecordComponent component : Runoff.class.getRecordComponents()) {
            fields.put(component.getName(), component);
        }
        return Collections.unmodifiableMap(fields);
    }

    /** A reader with its own mapper and validator, for use outside the service (tests, tools, benchmarks). */
    public static SnapshotReader standalone() {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        return new SnapshotReader(mapper, validator);
    }

    /** A mapper that refuses unknown properties, for the small documents around snapshots. */
    public ObjectMapper strictMapper() {
        return strictMapper;
    }

    /** Parses a body into a JSON tree, rejecting malformed JSON, repeated keys and trailing content. */
    public JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw BadInputException.of("body", "is empty: send a JSON snapshot object");
        }
        try {
            JsonNode node = treeReader.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw BadInputException.of("body", "holds no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw BadInputException.of("body", "could not be read: " + e.getMessage());
        }
    }

    public MarketSnapshot read(byte[] body) {
        return read(parse(body), "");
    }

    /** Reads one snapshot from a tree; {@code path} prefixes field names in errors (e.g. {@code [3].}). */
    public MarketSnapshot read(JsonNode node, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (!node.isObject()) {
            throw BadInputException.of(path.isEmpty() ? "body" : trimDot(path),
                    "must be a JSON object (a snapshot), not " + describe(node));
        }
        MarketSnapshot snapshot = readObject((ObjectNode) node, path, true, errors);
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
        return snapshot;
    }

    /**
     * One snapshot object, every problem added to {@code errors}: fields with a problem are left out so that the
     * others can still be checked; null when {@code asOf} is missing or bad.
     */
    private MarketSnapshot readObject(ObjectNode node, String path, boolean topLevel, List<FieldError> errors) {
        LocalDate asOf = null;
        boolean asOfGiven = false;
        Map<Input, Double> figures = new EnumMap<>(Input.class);
        Runoff runoff = null;
        List<MarketSnapshot> history = null;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String where = path + name;
            Optional<Input> input = Input.byField(name);
            if (input.isEmpty() && !OTHER_FIELDS.contains(name)) {
                String hint = name.length() > 100 ? "" : suggestion(name, FIELDS);
                errors.add(new FieldError(path + Excerpt.of(name, 120), "unknown field" + hint));
                continue;
            }
            if (value.isNull()) {
                continue; // null is the same as absent: unknown, never zero
            }
            if (input.isPresent()) {
                Double figure = number(value, where, input.get().bounds(), input.get().unit(), errors);
                if (figure != null) {
                    figures.put(input.get(), figure);
                }
            } else if (name.equals("asOf")) {
                asOfGiven = true;
                asOf = checkDate(value, where, errors);
            } else if (name.equals("runoff")) {
                runoff = readRunoff(value, where, errors);
            } else if (value.isArray() && value.isEmpty()) {
                continue; // an empty history is no history: absent, as generated clients send it on entries
            } else if (!topLevel) {
                errors.add(new FieldError(where, "a history entry cannot carry a history of its own"));
            } else if (!value.isArray()) {
                errors.add(new FieldError(where, "must be an array of snapshots, not " + describe(value)));
            } else {
                history = readHistory((ArrayNode) value, where, errors);
            }
        }
        if (!asOfGiven) {
            errors.add(new FieldError(path + "asOf", "is required (an ISO date such as 2025-10-24)"));
        }
        Double low = figures.get(Input.TARGET_RANGE_LOW_PCT);
        Double high = figures.get(Input.TARGET_RANGE_HIGH_PCT);
        if (low != null && high != null && low > high) {
            errors.add(new FieldError(path + "targetRangeLowPct",
                    "must not be above targetRangeHighPct (" + low + " > " + high + ")"));
        }
        checkPercentileOrder(figures, path, errors);
        if (asOf != null && history != null) {
            for (int i = 0; i < history.size(); i++) {
                MarketSnapshot earlier = history.get(i);
                if (earlier != null && earlier.asOf().isAfter(asOf)) {
                    errors.add(new FieldError(path + "history[" + i + "].asOf",
                            "is " + earlier.asOf() + ", after the snapshot's asOf " + asOf));
                }
            }
        }
        if (asOf == null) {
            return null;
        }
        MarketSnapshot.Builder snapshot = MarketSnapshot.on(asOf).runoff(runoff);
        figures.forEach(snapshot::with);
        return snapshot.history(history == null ? null
                : history.stream().filter(java.util.Objects::nonNull).toList()).build();
    }

    /** SOFR's volume percentiles in the order they describe: 1st, 25th, the median (SOFR itself), 75th, 99th. */
    private static final List<Input> PERCENTILES = List.of(Input.SOFR1_PCT, Input.SOFR25_PCT, Input.SOFR_PCT,
            Input.SOFR75_PCT, Input.SOFR99_PCT);

    /** The percentiles given must not decrease from the 1st through SOFR to the 99th; each one out of order is named. */
    private static void checkPercentileOrder(Map<Input, Double> figures, String path, List<FieldError> errors) {
        Input highestSoFar = null;
        for (Input percentile : PERCENTILES) {
            Double value = figures.get(percentile);
            if (value == null) {
                continue;
            }
            if (highestSoFar != null && value < figures.get(highestSoFar)) {
                errors.add(new FieldError(path + percentile.field(), "must not be below " + highestSoFar.field() + " ("
                        + value + " < " + figures.get(highestSoFar) + "): SOFR's percentiles rise from sofr1Pct through"
                        + " sofrPct to sofr99Pct"));
            } else {
                highestSoFar = percentile;
            }
        }
    }

    /** A figure: a finite JSON number within its input's bounds, or null with the problem added. */
    private static Double number(JsonNode value, String where, Bounds bounds, Unit unit, List<FieldError> errors) {
        if (!value.isNumber()) {
            errors.add(new FieldError(where, "must be a JSON number, not " + describe(value)));
            return null;
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            errors.add(new FieldError(where, "must be a finite number"));
            return null;
        }
        if (bounds != null && !bounds.contains(number)) {
            errors.add(new FieldError(where, "must be " + bounds.describe() + " (was " + Excerpt.of(value.asText(), 120) + ")"
                    + bounds.unitHint(number, unit)));
            return null;
        }
        return number;
    }

    private Runoff readRunoff(JsonNode value, String where, List<FieldError> errors) {
        if (!value.isObject()) {
            errors.add(new FieldError(where, "must be an object {active, treasuryCapBn, mbsCapBn}, not "
                    + describe(value)));
            return null;
        }
        ObjectNode clean = mapper.createObjectNode();
        boolean ok = true;
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode part = field.getValue();
            RecordComponent component = RUNOFF_FIELDS.get(name);
            String at = where + "." + name;
            if (component == null) {
                String hint = name.length() > 100 ? "" : suggestion(name, RUNOFF_FIELDS.keySet());
                errors.add(new FieldError(where + "." + Excerpt.of(name, 120), "unknown field" + hint));
                ok = false;
            } else if (part.isNull()) {
                continue;
            } else if (component.getType() == Boolean.class) {
                if (part.isBoolean()) {
                    clean.set(name, part);
                } else {
                    errors.add(new FieldError(at, "must be true or false, not " + describe(part)));
                    ok = false;
                }
            } else if (number(part, at, Runoff.CAP_BOUNDS, Unit.BILLIONS, errors) != null) {
                clean.set(name, part);
            } else {
                ok = false;
            }
        }
        Runoff runoff;
        try {
            runoff = mapper.treeToValue(clean, Runoff.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(new FieldError(where, "could not be read as a runoff"));
            return null;
        }
        for (ConstraintViolation<Runoff> violation : validator.validate(runoff)) {
            if (!clean.has(violation.getPropertyPath().toString()) && value.has(violation.getPropertyPath().toString())
                    && !value.get(violation.getPropertyPath().toString()).isNull()) {
                continue; // given but unreadable: reported as such, and left out so the rest could be checked
            }
            Object bad = violation.getInvalidValue();
            errors.add(new FieldError(where + "." + violation.getPropertyPath(), violation.getMessage()
                    + (bad instanceof Number ? " (was " + bad + ")" : "")));
            ok = false;
        }
        return ok ? runoff : null;
    }

    private List<MarketSnapshot> readHistory(ArrayNode history, String where, List<FieldError> errors) {
        List<MarketSnapshot> entries = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            String at = where + "[" + i + "]";
            if (entry.isNull()) {
                errors.add(new FieldError(at, "must be a snapshot, not null"));
            } else if (!entry.isObject()) {
                errors.add(new FieldError(at, "must be a snapshot object, not " + describe(entry)));
            } else {
                entries.add(readObject((ObjectNode) entry, at + ".", false, errors));
            }
        }
        return entries;
    }

    private static LocalDate checkDate(JsonNode value, String where, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError(where, "must be an ISO date string such as 2025-10-24, not " + describe(value)));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.textValue());
            if (!DateBounds.ALL.contains(date)) {
                errors.add(new FieldError(where, "must be a date " + DateBounds.ALL.describe() + " (was " + date + ")"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(where, "is not a real ISO date (YYYY-MM-DD): '" + Excerpt.of(value.textValue(), 120) + "'"));
            return null;
        }
    }

    private static BadInputException failure(List<FieldError> errors) {
        errors.sort(Comparator.comparing(FieldError::field));
        StringBuilder detail = new StringBuilder("The snapshot has ").append(errors.size())
                .append(errors.size() == 1 ? " problem: " : " problems: ");
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                detail.append("; ");
            }
            if (i == 5) {
                detail.append("and ").append(errors.size() - 5).append(" more (see errors)");
                break;
            }
            detail.append(errors.get(i).field()).append(' ').append(errors.get(i).message());
        }
        return new BadInputException(detail.toString(), errors);
    }

    private static BadInputException malformed(JsonProcessingException e) {
        String field = "body";
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                field = pointerToPath(pointer);
            }
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field")) {
            return BadInputException.of(field, "is given twice; each field may appear once" + where);
        }
        return BadInputException.of(field, "malformed JSON" + where + ": " + Excerpt.of(Excerpt.firstLine(message, Integer.MAX_VALUE), 120));
    }

    /** {@code /history/0/effrPct} to {@code history[0].effrPct}. */
    static String pointerToPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String suggestion(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = candidate.equalsIgnoreCase(name) ? 0 : editDistance(name.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> value.getNodeType().toString().toLowerCase();
        };
    }

    private static String trimDot(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }


}
