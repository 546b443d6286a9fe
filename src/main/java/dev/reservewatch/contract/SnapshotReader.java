package dev.reservewatch.contract;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import dev.reservewatch.error.FieldError;

/**
 * Reads snapshots strictly and reports every problem at once: malformed JSON, a key given twice,
 * unknown field names (a typo must not silently change a verdict), wrong JSON types, non-finite
 * numbers, impossible dates, and then the value rules of {@link MarketSnapshot} (ranges, ordering,
 * history). Fields with a problem are left out so the remaining ones can still be checked.
 */
public final class SnapshotReader {

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
        ObjectNode clean = checkObject((ObjectNode) node, SnapshotSchema.SNAPSHOT_FIELDS, path, true, errors);
        MarketSnapshot snapshot;
        try {
            snapshot = mapper.treeToValue(clean, MarketSnapshot.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(new FieldError(path.isEmpty() ? "body" : trimDot(path), "could not be read as a snapshot"));
            throw failure(errors);
        }
        Set<String> reported = new java.util.HashSet<>();
        errors.forEach(error -> reported.add(error.field()));
        for (ConstraintViolation<MarketSnapshot> violation : validator.validate(snapshot)) {
            String field = violation.getPropertyPath().toString();
            if (reported.contains(path + field)) {
                continue; // already reported as unreadable, and left out so the rest could be checked
            }
            Object bad = violation.getInvalidValue();
            String message = violation.getMessage();
            if (bad instanceof Number || bad instanceof String) {
                message += " (was " + bad + ")";
            }
            errors.add(new FieldError(path + (field.isEmpty() ? "body" : field), message));
        }
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
        return snapshot;
    }

    private ObjectNode checkObject(ObjectNode node, Map<String, RecordComponent> schema, String path,
            boolean topLevel, List<FieldError> errors) {
        ObjectNode clean = mapper.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            RecordComponent component = schema.get(name);
            if (component == null) {
                String hint = name.length() > 100 ? "" : suggestion(name, schema.keySet());
                errors.add(new FieldError(path + clip(name), "unknown field" + hint));
                continue;
            }
            String where = path + name;
            if (value.isNull()) {
                continue; // null is the same as absent: unknown, never zero
            }
            Class<?> type = component.getType();
            if (type == Double.class) {
                if (!value.isNumber()) {
                    errors.add(new FieldError(where, "must be a JSON number, not " + describe(value)));
                } else if (!Double.isFinite(value.doubleValue())) {
                    errors.add(new FieldError(where, "must be a finite number"));
                } else {
                    clean.set(name, value);
                }
            } else if (type == Boolean.class) {
                if (value.isBoolean()) {
                    clean.set(name, value);
                } else {
                    errors.add(new FieldError(where, "must be true or false, not " + describe(value)));
                }
            } else if (type == LocalDate.class) {
                checkDate(value, where, errors, clean, name);
            } else if (type == Runoff.class) {
                if (value.isObject()) {
                    clean.set(name, checkObject((ObjectNode) value, SnapshotSchema.RUNOFF_FIELDS, where + ".", false,
                            errors));
                } else {
                    errors.add(new FieldError(where, "must be an object {active, treasuryCapBn, mbsCapBn}, not "
                            + describe(value)));
                }
            } else if (type == List.class && isHistory(component)) {
                if (value.isArray() && value.isEmpty()) {
                    continue; // an empty history is no history: absent, as generated clients send it on entries
                } else if (!topLevel) {
                    errors.add(new FieldError(where, "a history entry cannot carry a history of its own"));
                } else if (!value.isArray()) {
                    errors.add(new FieldError(where, "must be an array of snapshots, not " + describe(value)));
                } else {
                    clean.set(name, checkHistory((ArrayNode) value, where, errors));
                }
            } else {
                throw new IllegalStateException("no JSON check for snapshot field type " + type);
            }
        }
        return clean;
    }

    private ArrayNode checkHistory(ArrayNode history, String where, List<FieldError> errors) {
        ArrayNode clean = mapper.createArrayNode();
        for (int i = 0; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            String at = where + "[" + i + "]";
            if (!entry.isObject()) {
                errors.add(new FieldError(at, "must be a snapshot object, not " + describe(entry)));
                continue;
            }
            clean.add(checkObject((ObjectNode) entry, SnapshotSchema.SNAPSHOT_FIELDS, at + ".", false, errors));
        }
        return clean;
    }

    private static void checkDate(JsonNode value, String where, List<FieldError> errors, ObjectNode clean,
            String name) {
        if (!value.isTextual()) {
            errors.add(new FieldError(where, "must be an ISO date string such as 2025-10-24, not " + describe(value)));
            return;
        }
        try {
            LocalDate.parse(value.textValue());
            clean.set(name, value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(where, "is not a real ISO date (YYYY-MM-DD): '" + clip(value.textValue()) + "'"));
        }
    }

    private static boolean isHistory(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == MarketSnapshot.class;
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
        return BadInputException.of(field, "malformed JSON" + where + ": " + clip(firstLine(message)));
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

    private static String suggestion(String name, Set<String> known) {
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

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String clip(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
