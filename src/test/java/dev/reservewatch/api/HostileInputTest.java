package dev.reservewatch.api;

import static dev.reservewatch.api.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.model.Input;
import dev.reservewatch.service.SeriesCsv;

/**
 * Hostile input, generated from a fixed seed so that every run sends the same requests, in named families:
 * wrong types for every field, NaN and Infinity, numbers too large for a double, huge strings, deep nesting,
 * unknown and repeated fields, giant arrays, impossible dates, truncated JSON, wrong or missing content types,
 * empty bodies, random and non-UTF-8 bytes, bad CSV, bodies over the limit, hostile rule drafts (with and
 * without a token) and hostile FRED uploads. Every answer must be a client error (the status each case
 * expects) as application/problem+json whose "status" is the HTTP status and which has a "title" and no trace
 * of a stack; a failure names its family and case. Each family is a test of its own, independent of the others
 * and of their order, and ends with a valid snapshot that must still get its verdict while the service stays ready.
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = 20251024L;
    private static final String VERDICTS = "/verdicts";
    private static final String SERIES = "/verdicts/series";
    private static final String VALIDATE = "/rules/validate";
    private static final String IMPACT = "/rules/impact";
    private static final String FRED = "/backtests/fred";
    private static final String TEXT = "text/plain";
    /** The author's token of the test profile (application.properties, %test.rules.author-token). */
    private static final String AUTHOR = "Bearer test-author-token";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    /** Sent without any Content-Type header (through java.net.http: RestAssured always sets one). */
    private static final String NO_CONTENT_TYPE = null;
    private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 401, 413, 415, 429);
    private static final Set<Integer> BAD = Set.of(400);
    private static final Set<Integer> TOO_LARGE = Set.of(413);
    private static final Set<Integer> UNSUPPORTED = Set.of(415);
    private static final Set<Integer> BAD_OR_UNSUPPORTED = Set.of(400, 415);
    private static final Set<Integer> UNAUTHORIZED = Set.of(401);
    private static final Set<Integer> BAD_OR_TOO_LARGE = Set.of(400, 413);
    private static final List<String> STACK_TRACE_MARKERS = List.of("\tat ", "Exception", ".java:");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path ARTICLE = Path.of("examples/2025-10-article.json");
    /** limits.verdict-body (LimitsConfig, 1M). */
    private static final int VERDICT_LIMIT = 1024 * 1024;
    private static final int TWO_MB = 2 * 1024 * 1024;

    private static final List<String> WRONG_FOR_NUMBER = List.of("\"5.2\"", "\"\"", "true", "false", "[]", "[5.2]",
            "{}", "{\"value\":5.2}");
    private static final List<String> WRONG_FOR_DATE = List.of("20251024", "2025.1024", "true", "[]",
            "[\"2025-10-24\"]", "{}", "{\"date\":\"2025-10-24\"}");
    private static final List<String> WRONG_FOR_RUNOFF = List.of("true", "\"active\"", "1", "[]", "[true,5,35]",
            "\"{\\\"active\\\":true}\"");
    private static final List<String> WRONG_FOR_HISTORY = List.of("{}", "\"2025-10-17\"", "1", "true", "[1]",
            "[\"2025-10-17\"]", "[[]]", "[null]", "[true]", "{\"asOf\":\"2025-10-17\"}");
    private static final List<String> WRONG_FOR_BOOLEAN = List.of("\"true\"", "1", "0", "\"yes\"", "[]", "{}",
            "[true]");
    private static final List<String> IMPOSSIBLE_DATES = List.of("2025-02-30", "2025-13-01", "yesterday",
            "2025-02-29", "2024-02-30", "2025-00-10", "2025-10-00", "2025-04-31", "0000-00-00", "2025-1-5",
            "24/10/2025", "2025/10/24", "20251024", "10-24-2025", "2025-10-24T00:00:00Z", "2025-W43-5", "2025-297",
            "2025-10-24 ", " 2025-10-24", "", "2025-10-32", "9999-99-99");
    private static final List<String> BAD_CELLS = List.of("NaN", "Infinity", "-Infinity", "1e400", "-1e400", "abc",
            "5.2.1", "--1", "true", "1,5", "0x", "1e", "five", "5 5", "1_000", "\u221e", "2025-10-24");

    @TestHTTPResource("/")
    URI root;

    /** A multipart part: a file when {@code fileName} is given, else a form value. */
    private record Part(String name, String fileName, byte[] content) {
    }

    /** One hostile request; {@code parts} (multipart) replaces the body when given. */
    private record Hostile(String name, String path, String contentType, byte[] body, Set<Integer> expected,
            String authorization, List<Part> parts) {
    }

    private List<Hostile> family;
    private Random random;
    private ObjectNode article;
    private String articleText;
    private byte[] articleBytes;
    /** One client, with its connections reused, for the whole run (RestAssured's timeouts as Quarkus set them). */
    private final RestAssuredConfig config = RestAssured.config()
            .httpClient(RestAssured.config().getHttpClientConfig().reuseHttpClientInstance());
    private final HttpClient bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * Each family of hostile requests is a test of its own, independent of the others and of their order: it is
     * generated afresh from the seed, sent, and followed by a valid snapshot that must still get its verdict while
     * the service stays ready.
     */
    @TestFactory
    Stream<DynamicTest> wrongTypesAreAnsweredWithProblems() {
        return sent("wrong types", this::wrongTypes);
    }

    @TestFactory
    Stream<DynamicTest> nonFiniteAndMalformedNumbersAreAnsweredWithProblems() {
        return sent("non-finite and malformed numbers", this::nonFiniteAndMalformedNumbers);
    }

    @TestFactory
    Stream<DynamicTest> hugeStringsAreAnsweredWithProblems() {
        return sent("huge strings", this::hugeStrings);
    }

    @TestFactory
    Stream<DynamicTest> deepNestingAreAnsweredWithProblems() {
        return sent("deep nesting", this::deepNesting);
    }

    @TestFactory
    Stream<DynamicTest> unknownFieldsAreAnsweredWithProblems() {
        return sent("unknown fields", this::unknownFields);
    }

    @TestFactory
    Stream<DynamicTest> duplicateFieldsAreAnsweredWithProblems() {
        return sent("duplicate keys", this::duplicateFields);
    }

    @TestFactory
    Stream<DynamicTest> giantArraysAreAnsweredWithProblems() {
        return sent("giant arrays", this::giantArrays);
    }

    @TestFactory
    Stream<DynamicTest> impossibleDatesAndValuesAreAnsweredWithProblems() {
        return sent("bad dates and values", this::impossibleDatesAndValues);
    }

    @TestFactory
    Stream<DynamicTest> truncatedJsonAreAnsweredWithProblems() {
        return sent("truncated JSON", this::truncatedJson);
    }

    @TestFactory
    Stream<DynamicTest> wrongContentTypesAreAnsweredWithProblems() {
        return sent("wrong content types", this::wrongContentTypes);
    }

    @TestFactory
    Stream<DynamicTest> emptyAndTrivialBodiesAreAnsweredWithProblems() {
        return sent("empty and trivial bodies", this::emptyAndTrivialBodies);
    }

    @TestFactory
    Stream<DynamicTest> randomBytesAreAnsweredWithProblems() {
        return sent("random bytes", this::randomBytes);
    }

    @TestFactory
    Stream<DynamicTest> nonUtf8AreAnsweredWithProblems() {
        return sent("non-UTF-8 bytes", this::nonUtf8);
    }

    @TestFactory
    Stream<DynamicTest> arraysAndObjectsSwappedAreAnsweredWithProblems() {
        return sent("arrays and objects swapped", this::arraysAndObjectsSwapped);
    }

    @TestFactory
    Stream<DynamicTest> badCsvAreAnsweredWithProblems() {
        return sent("series-specific: bad CSV", this::badCsv);
    }

    @TestFactory
    Stream<DynamicTest> oversizedAreAnsweredWithProblems() {
        return sent("oversized bodies", this::oversized);
    }

    @TestFactory
    Stream<DynamicTest> hostileDraftsAreAnsweredWithProblems() {
        return sent("rule drafts from an author", this::hostileDrafts);
    }

    @TestFactory
    Stream<DynamicTest> draftsWithoutATokenAreAnsweredWithProblems() {
        return sent("rule drafts without a token", this::draftsWithoutAToken);
    }

    @TestFactory
    Stream<DynamicTest> hostileImpactAreAnsweredWithProblems() {
        return sent("impact requests", this::hostileImpact);
    }

    @TestFactory
    Stream<DynamicTest> hostileUploadsAreAnsweredWithProblems() {
        return sent("FRED uploads", this::hostileUploads);
    }

    @Test
    void sendsOverAThousandHostileRequestsInAll() {
        int total = 0;
        for (Map.Entry<String, Runnable> family : families().entrySet()) {
            total += generated(family.getValue()).size();
        }
        assertThat(total).as("hostile requests over all families").isGreaterThanOrEqualTo(1000);
    }

    /** Every family by its name, to count them all. */
    private Map<String, Runnable> families() {
        Map<String, Runnable> all = new LinkedHashMap<>();
        all.put("wrong types", this::wrongTypes);
        all.put("non-finite and malformed numbers", this::nonFiniteAndMalformedNumbers);
        all.put("huge strings", this::hugeStrings);
        all.put("deep nesting", this::deepNesting);
        all.put("unknown fields", this::unknownFields);
        all.put("duplicate keys", this::duplicateFields);
        all.put("giant arrays", this::giantArrays);
        all.put("bad dates and values", this::impossibleDatesAndValues);
        all.put("truncated JSON", this::truncatedJson);
        all.put("wrong content types", this::wrongContentTypes);
        all.put("empty and trivial bodies", this::emptyAndTrivialBodies);
        all.put("random bytes", this::randomBytes);
        all.put("non-UTF-8 bytes", this::nonUtf8);
        all.put("arrays and objects swapped", this::arraysAndObjectsSwapped);
        all.put("series-specific: bad CSV", this::badCsv);
        all.put("oversized bodies", this::oversized);
        all.put("rule drafts from an author", this::hostileDrafts);
        all.put("rule drafts without a token", this::draftsWithoutAToken);
        all.put("impact requests", this::hostileImpact);
        all.put("FRED uploads", this::hostileUploads);
        return all;
    }

    /** The family's requests, each a dynamic test, then the check that a valid snapshot is still judged. */
    private Stream<DynamicTest> sent(String name, Runnable cases) {
        List<Hostile> requests = generated(cases);
        assertThat(requests).as("requests of the family " + name).isNotEmpty();
        return Stream.concat(requests.stream().map(hostile -> DynamicTest.dynamicTest(describe(hostile),
                () -> send(hostile))), Stream.of(DynamicTest.dynamicTest(
                        "afterwards a valid snapshot still gets its verdict and the service is ready",
                        this::stillJudgesAValidSnapshotAndStaysReady)));
    }

    /** A family's requests, generated from the seed alone, whatever ran before. */
    private List<Hostile> generated(Runnable cases) {
        try {
            articleBytes = Files.readAllBytes(ARTICLE);
            article = (ObjectNode) MAPPER.readTree(articleBytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        articleText = new String(articleBytes, StandardCharsets.UTF_8).strip();
        random = new Random(SEED);
        family = new ArrayList<>();
        cases.run();
        return family;
    }

    private void stillJudgesAValidSnapshotAndStaysReady() throws IOException {
        given().contentType(ContentType.JSON).body(Files.readAllBytes(ARTICLE))
                .when().post(VERDICTS)
                .then().statusCode(200)
                .body("regime", is("SCARCE"))
                .body("actions.code", hasItem("END_RUNOFF"));
        management().when().get("/q/health/ready").then().statusCode(200);
    }

    // ------------------------------------------------------------------ sending and checking

    private void send(Hostile hostile) throws IOException, InterruptedException {
        int status;
        String contentType;
        byte[] body;
        if (hostile.contentType() == null && hostile.parts() == null) {
            HttpResponse<byte[]> response = bare.send(HttpRequest.newBuilder(root.resolve(hostile.path()))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(hostile.body())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            body = response.body();
        } else {
            RequestSpecification request = given().config(config);
            if (hostile.authorization() != null) {
                request.header("Authorization", hostile.authorization());
            }
            if (hostile.parts() != null) {
                for (Part part : hostile.parts()) {
                    if (part.fileName() != null) {
                        request.multiPart(part.name(), part.fileName(), part.content());
                    } else {
                        request.multiPart(part.name(), new String(part.content(), StandardCharsets.UTF_8));
                    }
                }
            } else {
                request.contentType(hostile.contentType()).body(hostile.body());
            }
            Response response = request.when().post(hostile.path());
            status = response.getStatusCode();
            contentType = response.getContentType();
            body = response.asByteArray();
        }
        String problem = check(status, contentType, body, hostile.expected());
        if (problem != null) {
            org.junit.jupiter.api.Assertions.fail(problem + "; HTTP " + status + ", Content-Type '" + contentType
                    + "', body: " + clip(new String(body, StandardCharsets.UTF_8), 300));
        }
    }

    /** Null when the answer is a proper problem, else what is wrong with it. */
    private static String check(int status, String contentType, byte[] body, Set<Integer> expected) {
        if (!CLIENT_ERRORS.contains(status)) {
            return "status " + status + " is not a client error " + CLIENT_ERRORS;
        }
        if (!expected.contains(status)) {
            return "status " + status + ", expected " + expected;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "not application/problem+json";
        }
        JsonNode problem;
        try {
            problem = MAPPER.readTree(body);
        } catch (IOException e) {
            return "the body is not JSON";
        }
        if (problem == null || !problem.isObject()) {
            return "the body is not a JSON object";
        }
        if (!problem.path("status").isInt() || problem.path("status").intValue() != status) {
            return "\"status\" is " + problem.get("status") + ", not " + status;
        }
        if (!problem.path("title").isTextual() || problem.path("title").textValue().isBlank()) {
            return "no \"title\"";
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        StringBuilder values = new StringBuilder();
        collectText(problem, values);
        for (String marker : STACK_TRACE_MARKERS) {
            if (raw.contains(marker) || values.indexOf(marker) >= 0) {
                return "the body carries a stack trace marker '" + marker.replace("\t", "\\t") + "'";
            }
        }
        return null;
    }

    private static void collectText(JsonNode node, StringBuilder into) {
        if (node.isTextual()) {
            into.append(node.textValue()).append('\n');
        } else if (node.isContainerNode()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                into.append(field.getKey()).append('\n');
                collectText(field.getValue(), into);
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    collectText(element, into);
                }
            }
        }
    }

    private static String describe(Hostile hostile) {
        String shape = hostile.parts() != null ? hostile.parts().size() + " parts"
                : (hostile.contentType() == null ? "no Content-Type" : hostile.contentType()) + ", "
                        + hostile.body().length + " bytes";
        return clip(hostile.name(), 160) + " [POST " + hostile.path() + ", " + shape + "]";
    }

    // ------------------------------------------------------------------ the hostile requests

    private void wrongTypes() {
        int next = 0;
        for (String field : SnapshotReader.FIELDS) {
            boolean number = Input.byField(field).isPresent();
            List<String> wrong = switch (field) {
                case "asOf" -> WRONG_FOR_DATE;
                case "runoff" -> WRONG_FOR_RUNOFF;
                case "history" -> WRONG_FOR_HISTORY;
                default -> WRONG_FOR_NUMBER;
            };
            if (number) { // half of the wrong values per number field, in turn: each value hits 9 fields
                List<String> half = new ArrayList<>();
                for (int i = 0; i < wrong.size() / 2; i++) {
                    half.add(wrong.get(next++ % wrong.size()));
                }
                wrong = half;
            }
            for (String raw : wrong) {
                json("wrong type: " + field + " = " + raw, articleWith(field, raw), BAD);
            }
        }
        for (Map.Entry<String, RecordComponent> field : SnapshotReader.RUNOFF_FIELDS.entrySet()) {
            List<String> wrong = field.getValue().getType() == Boolean.class ? WRONG_FOR_BOOLEAN : WRONG_FOR_NUMBER;
            for (String raw : wrong) {
                json("wrong type: runoff." + field.getKey() + " = " + raw,
                        articleWith("runoff", runoffWith(field.getKey(), raw)), BAD);
            }
        }
    }

    private void nonFiniteAndMalformedNumbers() {
        List<String> nonFinite = List.of("NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "1e400", "-1e400",
                "1E+999", digits(400), "-" + digits(400), digits(2000), "\"NaN\"", "\"Infinity\"");
        List<String> malformed = List.of("+1", "01", ".5", "5.", "0x10", "1e", "1_000", "--1", "1.2.3");
        int next = 0;
        for (String name : numberFields()) {
            // three of the thirteen non-finite spellings per field, in turn: every spelling hits four fields
            for (int i = 0; i < 3; i++) {
                String raw = nonFinite.get(next++ % nonFinite.size());
                json("not a finite double: " + name + " = " + clip(raw, 20), articleWith(name, raw), BAD);
            }
            String bad = pick(malformed);
            json("malformed number: " + name + " = " + bad, articleWith(name, bad), BAD);
        }
        for (String cap : List.of("treasuryCapBn", "mbsCapBn")) {
            for (String raw : List.of("1e400", "NaN", digits(400))) {
                json("not a finite double: runoff." + cap + " = " + clip(raw, 20),
                        articleWith("runoff", runoffWith(cap, raw)), BAD);
            }
        }
    }

    private void hugeStrings() {
        String huge = letters(100_000);
        String quoted = quote(huge);
        json("100 KB asOf", articleWith("asOf", quoted), BAD);
        List<String> numbers = numberFields();
        for (int i = 0; i < 4; i++) {
            String name = pick(numbers);
            json("100 KB string in " + name, articleWith(name, quoted), BAD);
        }
        json("100 KB runoff.active", articleWith("runoff", runoffWith("active", quoted)), BAD);
        json("100 KB asOf in history", articleWith("history", "[{\"asOf\":" + quoted + "}]"), BAD);
        json("100 KB unknown field name", articleWith(huge, "1"), BAD);
        json("unknown field with a 100 KB value", articleWith("notes", quoted), BAD);
        json("100 KB string as history", articleWith("history", quoted), BAD);
    }

    private void deepNesting() {
        for (int depth : new int[] { 999, 1000, 1001, 5000, 20_000 }) {
            String arrays = "[".repeat(depth) + "]".repeat(depth);
            String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            json(depth + " nested arrays", arrays, BAD);
            json(depth + " nested objects", objects, BAD);
            json(depth + " nested arrays, never closed", "[".repeat(depth), BAD);
            json(depth + " nested arrays as history", articleWith("history", arrays), BAD);
            json(depth + " nested objects as runoff", articleWith("runoff", objects), BAD);
            String name = pick(numberFields());
            json(depth + " nested arrays as " + name, articleWith(name, arrays), BAD);
            json(depth + " nested objects under an unknown field", articleWith("nested", objects), BAD);
        }
    }

    private void unknownFields() {
        Set<String> known = Set.copyOf(SnapshotReader.FIELDS);
        List<String> values = List.of("1", "\"x\"", "true", "null", "{}", "[]", "2.5");
        for (int i = 0; i < 30; i++) {
            List<String[]> fields = articleFields();
            int extra = 1 + random.nextInt(4);
            StringJoiner names = new StringJoiner(", ");
            for (int j = 0; j < extra; j++) {
                String name = letters(1 + random.nextInt(30));
                if (known.contains(name)) {
                    name = name + "x";
                }
                fields.add(random.nextInt(fields.size() + 1), new String[] { name, pick(values) });
                names.add(name);
            }
            json("unknown field(s) " + names, object(fields), BAD);
        }
        for (String name : new TreeSet<>(known)) { // in one order, so that the cases come from the seed alone
            String typo = typo(name);
            if (!known.contains(typo)) {
                json("misspelt field " + typo + " for " + name, articleRenaming(name, typo), BAD);
            }
            for (String other : List.of(name.toUpperCase(), random.nextBoolean() ? name + "_" : "_" + name)) {
                if (!known.contains(other)) {
                    json("field spelt " + other + " for " + name, articleRenaming(name, other), BAD);
                }
            }
        }
        json("unknown field in runoff", articleWith("runoff", "{\"active\":true,\"activ\":true}"), BAD);
        json("unknown field in runoff", articleWith("runoff", "{\"active\":true,\"capBn\":5}"), BAD);
        json("unknown field in a history entry",
                articleWith("history", "[{\"asOf\":\"2025-10-17\",\"reserveBalanceBn\":2950}]"), BAD);
        json("unknown field in a history entry", articleWith("history", "[{\"asOf\":\"2025-10-17\",\"x\":{}}]"), BAD);
    }

    private void duplicateFields() {
        List<String[]> original = articleFields();
        for (int i = 0; i < original.size(); i++) {
            String[] field = original.get(i);
            List<String[]> adjacent = articleFields();
            adjacent.add(i + 1, new String[] { field[0], field[1] });
            json("repeated field " + field[0] + " (same value)", object(adjacent), BAD);
            List<String[]> apart = articleFields();
            String other = field[0].equals("asOf") ? "\"2025-10-17\""
                    : field[0].equals("runoff") ? "{\"active\":false}" : "1";
            apart.add(random.nextInt(apart.size() + 1), new String[] { field[0], other });
            json("repeated field " + field[0] + " (another value)", object(apart), BAD);
        }
        List<String[]> twice = articleFields();
        twice.add(new String[] { "history", "[]" });
        twice.add(new String[] { "history", "[]" });
        json("repeated field history", object(twice), BAD);
        json("repeated field runoff.active", articleWith("runoff", "{\"active\":true,\"active\":false}"), BAD);
        json("repeated field runoff.mbsCapBn",
                articleWith("runoff", "{\"active\":true,\"mbsCapBn\":35,\"mbsCapBn\":35}"), BAD);
        json("repeated field in a history entry",
                articleWith("history", "[{\"asOf\":\"2025-10-17\",\"effrPct\":5.1,\"effrPct\":5.2}]"), BAD);
    }

    private void giantArrays() {
        add("history of 20,000 empty entries", VERDICTS, JSON,
                utf8(articleWith("history", "[" + repeatJoined("{}", 20_000) + "]")), BAD);
        add("history of 400,000 empty entries (over the limit)", VERDICTS, JSON,
                utf8(articleWith("history", "[" + repeatJoined("{}", 400_000) + "]")), TOO_LARGE);
        add("history of 30,000 numbers", VERDICTS, JSON,
                utf8(articleWith("history", "[" + repeatJoined("1", 30_000) + "]")), BAD);
        add("history of 20,000 entries dated after asOf", VERDICTS, JSON,
                utf8(articleWith("history", "[" + repeatJoined("{\"asOf\":\"2026-01-01\"}", 20_000) + "]")), BAD);
        add("a point whose history has 20,000 empty entries", SERIES, JSON,
                utf8("[" + articleWith("history", "[" + repeatJoined("{}", 20_000) + "]") + "]"), BAD);
        add("series of 20,000 empty points", SERIES, JSON, utf8("[" + repeatJoined("{}", 20_000) + "]"), TOO_LARGE);
        add("series of 20,000 empty arrays", SERIES, JSON, utf8("[" + repeatJoined("[]", 20_000) + "]"), TOO_LARGE);
        add("series of 5,000 empty points", SERIES, JSON, utf8("[" + repeatJoined("{}", 5_000) + "]"), BAD);
        StringJoiner points = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 10_001; i++) {
            points.add("{\"asOf\":\"" + LocalDate.of(1990, 1, 1).plusDays(i) + "\",\"colour\":" + i + "}");
        }
        add("series of 10,001 points with unknown fields", SERIES, JSON, utf8(points.toString()), TOO_LARGE);
    }

    private void impossibleDatesAndValues() {
        for (String date : IMPOSSIBLE_DATES) {
            json("impossible asOf '" + date + "'", articleWith("asOf", quote(date)), BAD);
            json("impossible history asOf '" + date + "'",
                    articleWith("history", "[{\"asOf\":" + quote(date) + ",\"reserveBalancesBn\":2950}]"), BAD);
        }
        json("history entry dated after asOf", articleWith("history", "[{\"asOf\":\"2025-10-25\"}]"), BAD);
        json("history entry with its own history",
                articleWith("history", "[{\"asOf\":\"2025-10-17\",\"history\":[{\"asOf\":\"2025-10-10\"}]}]"), BAD);
        json("target range upside down", articleWith("targetRangeLowPct", "5.5"), BAD);
        json("negative reserves", articleWith("reserveBalancesBn", "-1"), BAD);
        json("zero Fed assets", articleWith("fedTotalAssetsBn", "0"), BAD);
        json("excess-reserve ratio above 100%", articleWith("largeBankExcessReserveRatioPct", "100.5"), BAD);
        json("IORB at 1000%", articleWith("iorbPct", "1000"), BAD);
        json("negative runoff cap", articleWith("runoff", runoffWith("treasuryCapBn", "-5")), BAD);
        json("runoff without active", articleWith("runoff", "{\"treasuryCapBn\":5,\"mbsCapBn\":35}"), BAD);
        json("no asOf", articleWithout("asOf"), BAD);
    }

    private void truncatedJson() {
        for (int i = 0; i < 80; i++) {
            int cut = random.nextInt(articleText.length()); // 0 .. length-1: never the whole body
            add("the example cut at " + cut, VERDICTS, JSON, utf8(articleText.substring(0, cut)), BAD);
        }
        String series = "[" + articleWith("asOf", "\"2025-10-10\"") + ",\n" + articleWith("asOf", "\"2025-10-17\"")
                + ",\n" + articleText + "]";
        for (int i = 0; i < 50; i++) {
            int cut = random.nextInt(series.length());
            add("a series cut at " + cut, SERIES, JSON, utf8(series.substring(0, cut)), BAD);
        }
    }

    private void wrongContentTypes() {
        byte[] snapshot = utf8(articleText);
        byte[] series = utf8("[" + articleText + "]");
        for (String type : List.of("text/plain", "application/xml", "text/xml", "application/octet-stream", CSV,
                "text/html", "application/x-yaml", "image/png", "application/javascript")) {
            add("the example as " + type, VERDICTS, type, snapshot, UNSUPPORTED);
        }
        for (String type : List.of("text/plain", "application/xml", "application/octet-stream", "text/html",
                "image/png")) {
            add("a JSON series as " + type, SERIES, type, series, UNSUPPORTED);
        }
        add("a CSV series as application/xml", SERIES, "application/xml",
                utf8("asOf,effrPct\n2025-10-24,5.24\n"), UNSUPPORTED);
        add("a CSV series as application/json", SERIES, JSON, utf8("asOf,effrPct\n2025-10-24,5.24\n"), BAD);
        add("a JSON series as text/csv", SERIES, CSV, series, BAD);

        // without a Content-Type the body itself is hostile too: 400 if it is read, 415 if it is refused
        List<byte[]> bodies = new ArrayList<>(List.of(new byte[0], utf8(articleText.substring(0, 40)),
                utf8("{\"asOf\":\"yesterday\"}"), utf8("[1,2,3"), utf8("asOf,colour\nx,y\n"),
                utf8(articleWith("colour", "1")), utf8("<snapshot asOf=\"2025-10-24\"/>")));
        for (int i = 0; i < 3; i++) {
            bodies.add(randomBytes(1 + random.nextInt(2048)));
        }
        for (byte[] body : bodies) {
            add("no Content-Type, " + body.length + " hostile bytes", VERDICTS, NO_CONTENT_TYPE, body,
                    BAD_OR_UNSUPPORTED);
            add("no Content-Type, " + body.length + " hostile bytes", SERIES, NO_CONTENT_TYPE, body,
                    BAD_OR_UNSUPPORTED);
        }
    }

    private void emptyAndTrivialBodies() {
        for (String body : List.of("", " ", "\n\t \r\n", "null", "true", "0", "\"\"", "{}", "[]", "[{}]", "[null]",
                "{\"asOf\":null}", "\"2025-10-24\"", "{\"asOf\":\"2025-10-24\"} {}", "{\"asOf\":\"2025-10-24\"}x",
                "/* comment */ {\"asOf\":\"2025-10-24\"}", "{'asOf':'2025-10-24'}", "{\"asOf\":\"2025-10-24\",}",
                "{asOf:\"2025-10-24\"}")) {
            add("body " + quote(body), VERDICTS, JSON, utf8(body), BAD);
            add("body " + quote(body), SERIES, JSON, utf8(body), BAD);
        }
        for (String body : List.of("", " ", "\n\n\n", "asOf\n", "asOf,effrPct\n")) {
            add("CSV body " + quote(body), SERIES, CSV, utf8(body), BAD);
        }
    }

    private void randomBytes() {
        for (int i = 0; i < 30; i++) {
            add("random bytes", VERDICTS, JSON, randomBytes(random.nextInt(8192) + 1), BAD);
            add("random bytes", SERIES, JSON, randomBytes(random.nextInt(8192) + 1), BAD);
            add("random bytes as CSV", SERIES, CSV, randomBytes(random.nextInt(8192) + 1), BAD);
        }
        String alphabet = "{}[]\":,.-+eE0123456789 truefalsnasOf";
        for (int i = 0; i < 20; i++) {
            add("random JSON-ish text", VERDICTS, JSON, utf8(randomText(alphabet, 1 + random.nextInt(400))), BAD);
            add("random JSON-ish text", SERIES, JSON, utf8(randomText(alphabet, 1 + random.nextInt(400))), BAD);
        }
    }

    private void nonUtf8() {
        List<byte[]> invalid = List.of(bytes(0xC3, 0x28), bytes(0xFF), bytes(0xFE, 0xFF), bytes(0xED, 0xA0, 0x80),
                bytes(0xC0, 0xAF), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0x80), bytes(0xE2, 0x82));
        String body = articleText.substring(1, articleText.length() - 1).strip(); // the fields, without braces
        for (byte[] bad : invalid) {
            String hex = hex(bad);
            jsonBytes("bytes " + hex + " in the asOf string",
                    concat(utf8("{\"asOf\":\"2025-10-24"), bad, utf8("\"," + fieldsWithout("asOf") + "}")));
            jsonBytes("bytes " + hex + " in a field name", concat(utf8("{\""), bad, utf8("effrPct\":5.24," + body + "}")));
            jsonBytes("bytes " + hex + " as a value", concat(utf8("{" + body + ",\"effrPct2\":"), bad, utf8("}")));
            jsonBytes("bytes " + hex + " in a string for a number",
                    concat(utf8("{\"sofrPct\":\""), bad, utf8("\"," + fieldsWithout("sofrPct") + "}")));
        }
        add("Latin-1 field name", VERDICTS, JSON, concat(utf8("{\"asOf\":\"2025-10-24\",\"caf"), bytes(0xE9),
                utf8("\":1}")), BAD);
        add("bytes FF FE in a CSV header", SERIES, CSV, concat(utf8("asOf,"), bytes(0xFF, 0xFE), utf8("\n2025-10-24,1\n")),
                BAD);
        add("bytes C3 28 in a CSV cell", SERIES, CSV, concat(utf8("asOf,effrPct\n2025-10-24,5"), bytes(0xC3, 0x28),
                utf8("\n")), BAD);
        add("bytes ED A0 80 in a CSV date", SERIES, CSV, concat(utf8("asOf,effrPct\n2025-10-2"),
                bytes(0xED, 0xA0, 0x80), utf8(",5.24\n")), BAD);
    }

    private void arraysAndObjectsSwapped() {
        add("a JSON array of one snapshot to /verdicts", VERDICTS, JSON, utf8("[" + articleText + "]"), BAD);
        add("a JSON array of two snapshots to /verdicts", VERDICTS, JSON,
                utf8("[" + articleText + "," + articleWith("asOf", "\"2025-10-17\"") + "]"), BAD);
        add("a nested array to /verdicts", VERDICTS, JSON, utf8("[[" + articleText + "]]"), BAD);
        add("a snapshot object to /verdicts/series", SERIES, JSON, utf8(articleText), BAD);
        add("points wrapped in an object", SERIES, JSON, utf8("{\"points\":[" + articleText + "]}"), BAD);
        add("points keyed by index", SERIES, JSON, utf8("{\"0\":" + articleText + "}"), BAD);
    }

    private void badCsv() {
        List<String> columns = new ArrayList<>(SeriesCsv.columns());
        List<String> numeric = columns.stream().filter(c -> !c.equals("asOf") && !c.equals("runoffActive")).toList();
        for (String column : numeric) {
            for (int i = 0; i < 2; i++) {
                String cell = pick(BAD_CELLS);
                csv("bad CSV cell " + column + " = " + cell, columns, column, cell);
            }
        }
        for (String date : IMPOSSIBLE_DATES) {
            if (date.equals(date.strip()) && !date.isEmpty()) { // the CSV reader trims cells; an empty one is absent
                csv("impossible CSV asOf '" + date + "'", columns, "asOf", date);
            }
        }
        for (String flag : List.of("maybe", "1", "0", "yes", "t")) {
            csv("bad CSV runoffActive = " + flag, columns, "runoffActive", flag);
        }
        csv("100 KB CSV cell", columns, pick(numeric), letters(100_000));

        Map<String, String> valid = validCsvRow("2025-10-24");
        String header = String.join(",", columns);
        String row = csvRow(valid.values());
        add("CSV row with a cell too many", SERIES, CSV, utf8(header + "\n" + row + ",5\n"), BAD);
        add("CSV row with a cell too few", SERIES, CSV, utf8(header + "\n" + row.substring(0, row.lastIndexOf(','))
                + "\n"), BAD);
        for (int i = 0; i < 15; i++) {
            String unknown = letters(1 + random.nextInt(20));
            add("unknown CSV column " + unknown, SERIES, CSV, utf8(header + "," + unknown + "\n" + row + ",1\n"), BAD);
        }
        for (String column : columns) {
            String typo = typo(column);
            if (!columns.contains(typo)) {
                add("misspelt CSV column " + typo, SERIES, CSV, utf8(header.replace(column, typo) + "\n" + row + "\n"),
                        BAD);
            }
        }
        StringJoiner many = new StringJoiner(",", "asOf,", "\n2025-10-24" + ",1".repeat(5_000) + "\n");
        for (int i = 0; i < 5_000; i++) {
            many.add("c" + i);
        }
        add("CSV with 5,000 unknown columns", SERIES, CSV, utf8(many.toString()), BAD);
        add("CSV with a repeated column", SERIES, CSV, utf8("asOf,effrPct,effrPct\n2025-10-24,5.24,5.24\n"), BAD);
        add("CSV without an asOf column", SERIES, CSV, utf8("effrPct,sofrPct\n5.24,5.23\n"), BAD);
        add("CSV with an unclosed quote", SERIES, CSV, utf8("asOf,effrPct\n\"2025-10-24,5.24\n"), BAD);
        add("CSV with an unclosed quote in the header", SERIES, CSV, utf8("\"asOf,effrPct\n2025-10-24,5.24\n"), BAD);
        add("CSV with a repeated date", SERIES, CSV, utf8("asOf,effrPct\n2025-10-24,5.24\n2025-10-24,5.25\n"), BAD);
        StringBuilder rows = new StringBuilder("asOf\n");
        for (int i = 0; i < 10_001; i++) {
            rows.append(LocalDate.of(1990, 1, 1).plusDays(i)).append('\n');
        }
        add("CSV of 10,001 points", SERIES, CSV, utf8(rows.toString()), TOO_LARGE);
    }

    private void oversized() {
        add("the example padded to 2 MB", VERDICTS, JSON, utf8(padded(articleText, TWO_MB)), TOO_LARGE);
        add("the example padded to the limit + 1 byte", VERDICTS, JSON, utf8(padded(articleText, VERDICT_LIMIT + 1)),
                TOO_LARGE);
        add("2 MB of random bytes", VERDICTS, JSON, randomBytes(TWO_MB), TOO_LARGE);
        add("a hostile snapshot of exactly the limit", VERDICTS, JSON,
                utf8(padded(articleWith("colour", "1"), VERDICT_LIMIT)), BAD);
        add("a hostile 2 MB series", SERIES, JSON, utf8("[" + padded(articleWith("colour", "1"), TWO_MB) + "]"), BAD);
        add("a 2 MB CSV cell", SERIES, CSV, utf8("asOf,effrPct\n2025-10-24," + "9".repeat(TWO_MB) + "x\n"), BAD);
    }

    private void hostileDrafts() {
        for (String body : List.of("", "{}", "[]", "\"x\"", "null", "{\"files\": []}", "{\"files\": {}}",
                "{\"files\": {\"a.drl\": 5}}", "{\"files\": {\"a.drl\": null}}", "{\"files\": {\"a.drl\": [\"x\"]}}",
                "{\"file\": {\"a.drl\": \"x\"}}", "{\"files\": {\"a.drl\": \"x\"}, \"extra\": 1}",
                "{\"files\": {\"a.drl\": \"x\", \"a.drl\": \"y\"}}", "{\"files\": {\"a.drl\": \"x\"}",
                "{\"files\": \"rule\"}", "{'files': {}}")) {
            draft("draft body " + quote(body), JSON, utf8(body), BAD);
        }
        draft("an empty text draft", TEXT, new byte[0], BAD);
        for (int depth : new int[] { 1000, 20_000 }) {
            draft(depth + " nested objects as a draft", JSON, utf8("{\"files\":" + "{\"a\":".repeat(depth) + "1"
                    + "}".repeat(depth) + "}"), BAD);
        }
        for (int i = 0; i < 10; i++) {
            draft("random bytes as a JSON draft", JSON, randomBytes(1 + random.nextInt(4096)), BAD);
        }
        StringJoiner many = new StringJoiner(",", "{\"files\": {", "}}");
        for (int i = 0; i < 17; i++) {
            many.add("\"f" + i + ".drl\": \"package rules;\"");
        }
        draft("a draft of 17 files (the limit is 16)", JSON, utf8(many.toString()), TOO_LARGE);
        draft("a draft file of 300 KB (the limit is 256 KB)", TEXT, utf8("// " + letters(300 * 1024)), TOO_LARGE);
        draft("a draft above limits.validate-body", JSON, utf8("{\"files\": {\"a.drl\": \"" + letters(VERDICT_LIMIT)
                + "\"}}"), TOO_LARGE);
        for (String type : List.of("application/xml", "application/octet-stream", CSV, "text/html")) {
            draft("a draft as " + type, type, utf8("package rules;"), UNSUPPORTED);
        }
    }

    private void draftsWithoutAToken() {
        for (String type : List.of(TEXT, JSON)) {
            byte[] body = utf8(type.equals(JSON) ? "{\"files\": {\"a.drl\": \"package rules;\"}}" : "package rules;");
            add("a draft without a token, as " + type, VALIDATE, type, body, UNAUTHORIZED);
            for (String authorization : List.of("Bearer wrong", "Basic dGVzdA==", "Bearer", "bearer  ",
                    "Bearer " + letters(10_000))) {
                family.add(new Hostile("a draft with Authorization '" + clip(authorization, 30) + "', as " + type,
                        VALIDATE, type, body, UNAUTHORIZED, authorization, null));
            }
        }
    }

    private void hostileImpact() {
        String files = "\"files\": {\"a.drl\": \"package rules;\"}";
        for (String body : List.of("", "{}", "[]", "null", "{\"points\": []}", "{\"files\": {}}",
                "{\"files\": {\"a.drl\": 5}}", "{" + files + ", \"extra\": 1}", "{" + files + ", \"points\": 5}",
                "{" + files + ", \"points\": {}}", "{" + files + ", \"points\": true}", "{" + files + ", \"points\": []}",
                "{" + files + ", \"points\": [{}]}", "{" + files + ", \"points\": [1, 2]}",
                "{" + files + ", \"points\": [[]]}", "{" + files + ", \"points\": \"asOf\\n2025-10-24\\n\"}",
                "{" + files + ", \"pointsCsv\": \"\"}", "{" + files + ", \"pointsCsv\": 5}",
                "{" + files + ", \"pointsCsv\": \"asOf,colour\\n2025-10-24,1\\n\"}",
                "{" + files + ", \"pointsCsv\": \"asOf\\n2025-02-30\\n\"}",
                "{" + files + ", \"points\": [], \"pointsCsv\": \"asOf\\n2025-10-24\\n\"}",
                "{" + files + ", \"points\": [" + articleText + ", " + articleText + "]}",
                "{" + files + ", \"points\": [" + articleText.replace("\"2025-10-24\"", "\"2025-10-32\"") + "]}",
                "{" + files + ", \"points\": [" + articleText + "]")) {
            impact("impact body " + quote(clip(body, 80)), JSON, utf8(body), AUTHOR, BAD);
        }
        StringJoiner many = new StringJoiner(",", "{" + files + ", \"points\": [", "]}");
        for (int i = 0; i < 10_001; i++) {
            many.add("{\"asOf\": \"" + LocalDate.of(2000, 1, 1).plusDays(i) + "\"}");
        }
        impact("an impact run over 10,001 points (limits.series-points)", JSON, utf8(many.toString()), AUTHOR,
                TOO_LARGE);
        for (String type : List.of(TEXT, CSV, "application/xml")) {
            impact("an impact request as " + type, type, utf8("{" + files + "}"), AUTHOR, UNSUPPORTED);
        }
        for (String authorization : Arrays.asList(null, "Bearer wrong", "Basic dGVzdA==", "Bearer")) {
            impact("an impact request with Authorization '" + authorization + "'", JSON, utf8("{" + files + "}"),
                    authorization, UNAUTHORIZED);
        }
    }

    private void hostileUploads() {
        String wresbal = "observation_date,WRESBAL\n2025-10-15,3019000\n2025-10-22,2933037\n";
        upload("an unknown series", List.of(file("GDP", "observation_date,GDP\n2025-07-01,30000\n")), BAD);
        upload("a series twice", List.of(file("WRESBAL", wresbal), file("WRESBAL", wresbal)), BAD);
        upload("no series, only from", List.of(value("from", "2025-01-01")), BAD);
        for (String name : List.of("from", "to", "view")) {
            upload(name + " sent as a file", List.of(file("WRESBAL", wresbal), new Part(name, "x.txt", utf8("x"))), BAD);
        }
        for (String date : IMPOSSIBLE_DATES) {
            if (!date.strip().isEmpty()) {
                upload("from '" + date + "'", List.of(file("WRESBAL", wresbal), value("from", date)), BAD);
            }
        }
        upload("to '2025-13-01'", List.of(file("WRESBAL", wresbal), value("to", "2025-13-01")), BAD);
        upload("a range between two observations", List.of(file("WRESBAL", wresbal), value("from", "2025-10-16"),
                value("to", "2025-10-21")), BAD);
        upload("view 'everything'", List.of(file("WRESBAL", wresbal), value("view", "everything")), BAD);
        for (String csv : List.of("", "observation_date\n", "a,b,c\n1,2,3\n", "observation_date,WRESBAL\nyesterday,1\n",
                "observation_date,WRESBAL\n2025-10-15,NaN\n", "observation_date,WRESBAL\n2025-10-15,1e400\n",
                "observation_date,WRESBAL\n2025-10-15,1,2\n", "observation_date,SOFR\n2025-10-15,1\n",
                "\"observation_date,WRESBAL\n2025-10-15,1\n")) {
            upload("a bad WRESBAL file " + quote(clip(csv, 40)), List.of(file("WRESBAL", csv)), BAD);
        }
        for (int i = 0; i < 5; i++) {
            upload("random bytes as a series", List.of(new Part("WRESBAL", "w.csv", randomBytes(1 + random.nextInt(4096)))),
                    BAD);
        }
        for (String policy : List.of("{", "[]", "{\"events\": []}", "{\"events\": [{\"active\": true}]}",
                "{\"events\": [{\"date\": \"2025-01-01\", \"active\": true, \"treasuryCapBn\": 1e1000}]}",
                "{\"events\": [{\"date\": \"2025-01-01\", \"active\": true, \"mbsCapBn\": -1}]}",
                "{\"events\": [{\"date\": \"2025-01-01\", \"active\": \"yes\"}]}",
                "{\"events\": [{\"date\": \"2025-01-01\", \"active\": true, \"colour\": 1}]}")) {
            upload("policy " + quote(clip(policy, 60)), List.of(file("WRESBAL", wresbal), value("policy", policy)), BAD);
        }
        List<Part> many = new ArrayList<>(List.of(file("WRESBAL", wresbal)));
        for (int i = 0; i < 100; i++) {
            many.add(value("x" + i, "1"));
        }
        upload("100 parts", many, BAD_OR_TOO_LARGE);
        upload("weeks from 1800 to 2025, over the point limit",
                List.of(file("RRPONTSYD", "DATE,RRPONTSYD\n1900-01-01,1\n2199-12-31,4.0\n")), TOO_LARGE);
        add("a JSON body to the FRED backtest", FRED, JSON, utf8("{\"WRESBAL\": \"x\"}"), UNSUPPORTED);
        add("random bytes as multipart", FRED, "multipart/form-data; boundary=xyz", randomBytes(2048), BAD);
        add("multipart without a boundary", FRED, "multipart/form-data", utf8("--xyz\r\n\r\n"), BAD_OR_UNSUPPORTED);
    }

    // ------------------------------------------------------------------ building bodies

    private void add(String name, String path, String contentType, byte[] body, Set<Integer> expected) {
        family.add(new Hostile(name, path, contentType, body, expected, null, null));
    }

    private void draft(String name, String contentType, byte[] body, Set<Integer> expected) {
        family.add(new Hostile(name, VALIDATE, contentType, body, expected, AUTHOR, null));
    }

    private void impact(String name, String contentType, byte[] body, String authorization, Set<Integer> expected) {
        family.add(new Hostile(name, IMPACT, contentType, body, expected, authorization, null));
    }

    private void upload(String name, List<Part> parts, Set<Integer> expected) {
        family.add(new Hostile(name, FRED, null, null, expected, null, parts));
    }

    private static Part file(String name, String content) {
        return new Part(name, name + ".csv", utf8(content));
    }

    private static Part value(String name, String value) {
        return new Part(name, null, utf8(value));
    }

    /** The same hostile snapshot alone to /verdicts, and as a point of a series to /verdicts/series. */
    private void json(String name, String snapshot, Set<Integer> expected) {
        add(name, VERDICTS, JSON, utf8(snapshot), expected);
        add(name + " (series point)", SERIES, JSON, utf8(asSeries(snapshot)), expected);
    }

    private void jsonBytes(String name, byte[] snapshot) {
        add(name, VERDICTS, JSON, snapshot, BAD);
        add(name + " (series point)", SERIES, JSON, concat(utf8("["), snapshot, utf8("]")), BAD);
    }

    private String asSeries(String point) {
        return random.nextBoolean() ? "[" + point + "]" : "[" + articleWith("asOf", "\"2025-10-01\"") + "," + point + "]";
    }

    /** A CSV of one valid row and one with {@code column} set to {@code cell}. */
    private void csv(String name, List<String> columns, String column, String cell) {
        Map<String, String> bad = validCsvRow("2025-10-24");
        bad.put(column, cell);
        String body = String.join(",", columns) + "\n" + csvRow(validCsvRow("2025-10-17").values()) + "\n"
                + csvRow(bad.values()) + "\n";
        add(clip(name, 80), SERIES, CSV, utf8(body), BAD);
    }

    private Map<String, String> validCsvRow(String asOf) {
        JsonNode runoff = article.path("runoff");
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : SeriesCsv.columns()) {
            String value = switch (column) {
                case "asOf" -> asOf;
                case "runoffActive" -> runoff.path("active").asText("");
                case "runoffTreasuryCapBn" -> runoff.path("treasuryCapBn").asText("");
                case "runoffMbsCapBn" -> runoff.path("mbsCapBn").asText("");
                default -> article.path(column).isNumber() ? article.path(column).asText() : "";
            };
            row.put(column, value);
        }
        return row;
    }

    private static String csvRow(Iterable<String> cells) {
        StringJoiner row = new StringJoiner(",");
        for (String cell : cells) {
            row.add(cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                    ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return row.toString();
    }

    private List<String[]> articleFields() {
        List<String[]> fields = new ArrayList<>();
        article.properties().forEach(field -> fields.add(new String[] { field.getKey(), field.getValue().toString() }));
        return fields;
    }

    private static String object(List<String[]> fields) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        for (String[] field : fields) {
            json.add(quote(field[0]) + ":" + field[1]);
        }
        return json.toString();
    }

    /** The example with {@code name} set to the raw JSON {@code value} (added at a random place if absent). */
    private String articleWith(String name, String value) {
        List<String[]> fields = articleFields();
        boolean replaced = false;
        for (String[] field : fields) {
            if (field[0].equals(name)) {
                field[1] = value;
                replaced = true;
            }
        }
        if (!replaced) {
            fields.add(random.nextInt(fields.size() + 1), new String[] { name, value });
        }
        return object(fields);
    }

    private String articleWithout(String name) {
        List<String[]> fields = articleFields();
        fields.removeIf(field -> field[0].equals(name));
        return object(fields);
    }

    private String articleRenaming(String name, String newName) {
        List<String[]> fields = articleFields();
        boolean renamed = false;
        for (String[] field : fields) {
            if (field[0].equals(name)) {
                field[0] = newName;
                renamed = true;
            }
        }
        if (!renamed) { // history is not in the example: add it under the wrong name
            fields.add(new String[] { newName, "[]" });
        }
        return object(fields);
    }

    /** The example's runoff object with {@code name} set to the raw JSON {@code value}. */
    private String runoffWith(String name, String value) {
        List<String[]> fields = new ArrayList<>();
        article.path("runoff").properties()
                .forEach(field -> fields.add(new String[] { field.getKey(), field.getValue().toString() }));
        boolean replaced = false;
        for (String[] field : fields) {
            if (field[0].equals(name)) {
                field[1] = value;
                replaced = true;
            }
        }
        if (!replaced) {
            fields.add(new String[] { name, value });
        }
        return object(fields);
    }

    /** The comma-separated fields of the example without {@code name} (so that it can be given otherwise). */
    private String fieldsWithout(String name) {
        String object = articleWithout(name);
        return object.substring(1, object.length() - 1);
    }

    private List<String> numberFields() {
        return Arrays.stream(Input.values()).map(Input::field).toList();
    }

    /** {@code json}, an object, with spaces before its closing brace up to {@code size} bytes in all. */
    private static String padded(String json, int size) {
        int padding = size - utf8(json).length;
        if (padding < 0) {
            throw new IllegalArgumentException("already larger than " + size);
        }
        return json.substring(0, json.length() - 1) + " ".repeat(padding) + "}";
    }

    /** One character of {@code name} replaced, removed or added (a lowercase letter). */
    private String typo(String name) {
        int at = random.nextInt(name.length());
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + letter + name.substring(at + 1);
            case 1 -> name.length() > 1 ? name.substring(0, at) + name.substring(at + 1) : name + letter;
            default -> name.substring(0, at) + letter + name.substring(at);
        };
    }

    private static String repeatJoined(String item, int times) {
        StringJoiner joined = new StringJoiner(",");
        for (int i = 0; i < times; i++) {
            joined.add(item);
        }
        return joined.toString();
    }

    private String letters(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private String digits(int length) {
        StringBuilder digits = new StringBuilder(length).append((char) ('1' + random.nextInt(9)));
        while (digits.length() < length) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private String randomText(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Random bytes that do not happen to spell a stack trace marker (they may be echoed in the problem). */
    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        do {
            random.nextBytes(bytes);
        } while (hasMarker(bytes));
        return bytes;
    }

    private static boolean hasMarker(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return STACK_TRACE_MARKERS.stream().anyMatch(text::contains);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringJoiner hex = new StringJoiner(" ");
        for (byte b : bytes) {
            hex.add(String.format("%02X", b & 0xFF));
        }
        return hex.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }

}
