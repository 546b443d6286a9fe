package dev.reservewatch.watch;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.reservewatch.service.FredSeries;

/**
 * A server that speaks FRED's {@code fred/series/observations} from FRED-style CSV files (one per series, named
 * {@code SERIES.csv}, any of the headers the project's files use), as the real API answers (live-data-apis.md):
 * <ul>
 * <li>the JSON envelope in FRED's order, {@code realtime_start}/{@code realtime_end} = the server's today on the
 * envelope and on every row, {@code count} all matching rows (not the page), {@code offset}, {@code limit},
 * {@code sort_order};</li>
 * <li>values as strings, {@code "."} where the file has none (and on the weekdays a business-day series' file leaves
 * out: holidays), and number text with varying decimals, as one real
 * answer mixes {@code "6743028"}, {@code "6572732.0"} and {@code "6738190.0000000000"} (the style follows the date,
 * so one date always reads the same);</li>
 * <li>only what is published by the server's "today", which a test moves forward: an observation dated D appears
 * from {@link FredSeries#publishedOn} (daily NY Fed rates from D+1, H.4.1 Wednesdays from Thursday, H.8 nine days
 * on, monthly indexes after their release lag); series the import does not know yet (the repo-breadth ones)
 * from D+1;</li>
 * <li>FRED's 400 error bodies verbatim, the two spaces after each full stop included, for a missing key, an
 * unregistered one and an unknown series; a key must be 32 lowercase letters and digits;</li>
 * <li>faults injected per series: 429 with a Retry-After, 500, an answer later than a client's timeout, a body that
 * is not JSON, "." for every value, or "the series does not exist"; and, if asked, FRED's own rate limit enforced
 * with 429s (counted, so that a test can prove a client never needed one).</li>
 * </ul>
 * Standalone, for benchmarks and the pod proof (k8s/proof/prove.sh): {@code java -cp target/test-classes:target/classes
 * dev.reservewatch.watch.FredTestServer PORT DATA_DIR TODAY KEY [HOST [PER_SECOND/PER_MINUTE]]} on HOST (127.0.0.1
 * unless given), with FRED's limits (2/120) or those given enforced; {@code POST /_control/today?date=YYYY-MM-DD}
 * moves today, {@code POST /_control/put?series=&date=&value=} publishes an observation,
 * {@code POST /_control/carry?series=} carries a series' last value forward to today ({@link #carryForward}),
 * {@code POST /_control/fault?series=&kind=} injects a fault (without a series: clears them),
 * {@code GET /_control/requests} counts the requests (and those that asked a series whole, with no
 * {@code observation_start}), and {@code /_hooks} is a webhook whose alerts {@code GET /_control/hooks} lists with
 * their arrival times.
 */
public final class FredTestServer implements AutoCloseable {

    static final String NOT_SET = "{\"error_code\":400,\"error_message\":\"Bad Request.  Variable api_key is not set.  "
            + "Read https://fred.stlouisfed.org/docs/api/api_key.html for more information.\"}";
    static final String NOT_REGISTERED = "{\"error_code\":400,\"error_message\":\"Bad Request.  The value for variable "
            + "api_key is not registered.  Read https:\\/\\/fred.stlouisfed.org\\/docs\\/api\\/api_key.html for more "
            + "information.\"}";
    /** FRED's answer to a key that is not 32 lowercase alphanumerics (wording as clients report it; not a verbatim copy). */
    static final String MALFORMED_KEY = "{\"error_code\":400,\"error_message\":\"Bad Request.  Variable api_key is not a "
            + "32 character alpha-numeric lower-case string.  Read https://fred.stlouisfed.org/docs/api/api_key.html for "
            + "more information.\"}";
    static final String NO_SERIES = "{\"error_code\":400,\"error_message\":\"Bad Request.  The series does not exist.\"}";
    private static final Pattern KEY = Pattern.compile("[a-z0-9]{32}");

    /** A fault for one series: answered instead of the data for the next {@code times} requests (-1: always). */
    public record Fault(Kind kind, int times, Duration delay, String retryAfter) {

        public enum Kind {
            TOO_MANY, SERVER_ERROR, SLOW, MALFORMED, DOTS, UNKNOWN
        }

        public static Fault tooMany(String retryAfter, int times) {
            return new Fault(Kind.TOO_MANY, times, Duration.ZERO, retryAfter);
        }

        public static Fault serverError(int times) {
            return new Fault(Kind.SERVER_ERROR, times, Duration.ZERO, null);
        }

        public static Fault slow(Duration delay, int times) {
            return new Fault(Kind.SLOW, times, delay, null);
        }

        public static Fault malformed(int times) {
            return new Fault(Kind.MALFORMED, times, Duration.ZERO, null);
        }

        public static Fault dots(int times) {
            return new Fault(Kind.DOTS, times, Duration.ZERO, null);
        }

        public static Fault unknown() {
            return new Fault(Kind.UNKNOWN, -1, Duration.ZERO, null);
        }
    }

    /** A request the server got: the series asked, the query as sent, the status answered, when (System.nanoTime). */
    public record Request(String series, Map<String, String> query, int status, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, NavigableMap<LocalDate, String>> series = new ConcurrentHashMap<>();
    private final AtomicReference<LocalDate> today;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultsLeft = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> hooks = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private volatile int perSecond = Integer.MAX_VALUE;
    private volatile int perMinute = Integer.MAX_VALUE;
    private final AtomicInteger throttled = new AtomicInteger();

    /** Serves every {@code *.csv} of {@code folder} as the series of its name, on a free port of 127.0.0.1. */
    public FredTestServer(Path folder, LocalDate today, String... keys) throws IOException {
        this(folder, today, 0, keys);
    }

    public FredTestServer(Path folder, LocalDate today, int port, String... keys) throws IOException {
        this(folder, today, "127.0.0.1", port, keys);
    }

    /** On {@code host}: 127.0.0.1 for tests and benchmarks, 0.0.0.0 inside a container that pods reach (k8s/proof). */
    public FredTestServer(Path folder, LocalDate today, String host, int port, String... keys) throws IOException {
        this.today = new AtomicReference<>(today);
        this.keys.addAll(List.of(keys));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.csv")) {
            for (Path file : files) {
                String code = file.getFileName().toString().replaceFirst("\\.csv$", "");
                series.put(code, read(Files.readString(file)));
            }
        }
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.setExecutor(executor);
        server.createContext("/fred/series/observations", this::observations);
        server.createContext("/_control/today", this::control);
        server.createContext("/_control/requests", this::counts);
        server.createContext("/_control/put", this::putValue);
        server.createContext("/_control/carry", this::carryControl);
        server.createContext("/_control/fault", this::faultControl);
        server.createContext("/_control/hooks", this::hooksReceived);
        server.createContext("/_hooks", this::hook);
        server.start();
    }

    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + address.getPort());
    }

    public LocalDate today() {
        return today.get();
    }

    public void today(LocalDate day) {
        today.set(day);
    }

    /** Accepts these keys too. */
    public void keysAlso(String... more) {
        keys.addAll(List.of(more));
    }

    public void fault(String code, Fault fault) {
        faults.put(code, fault);
        faultsLeft.put(code, new AtomicInteger(fault.times()));
    }

    public void clearFaults() {
        faults.clear();
        faultsLeft.clear();
    }

    /** Answers 429 (Retry-After: 1) beyond these rates, as FRED does; {@link #throttled()} counts them. */
    public void enforceLimits(int perSecond, int perMinute) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
    }

    public int throttled() {
        return throttled.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void forgetRequests() {
        requests.clear();
    }

    /** Replaces a series' observations from now on (a revision, or a new one), as CSV rows {@code date,value}. */
    public void put(String code, LocalDate date, String value) {
        series.computeIfAbsent(code, c -> Collections.synchronizedNavigableMap(new TreeMap<>())).put(date, value);
    }

    /**
     * Brings a series up to the server's today, as if it had gone on unchanged since its file ends: its last value
     * carried forward on its cadence (business days, weeks from its last date, months) to the last date published by
     * today. A series on {@code ON_CHANGE} (a step that holds) is left as it is. Returns the observations added.
     */
    public int carryForward(String code) {
        NavigableMap<LocalDate, String> values = series.get(code);
        if (values == null || values.isEmpty()) {
            return 0;
        }
        FredSeries.Schedule schedule = FredSeries.byCode(code).map(FredSeries::schedule).orElse(FredSeries.Schedule.DAILY);
        if (schedule == FredSeries.Schedule.ON_CHANGE) {
            return 0;
        }
        String value;
        LocalDate date;
        synchronized (values) {
            date = values.lastKey();
            value = values.descendingMap().values().stream().filter(v -> v != null).findFirst().orElse(null);
        }
        int added = 0;
        while (value != null) {
            LocalDate next = switch (schedule) {
                case WEEKLY -> date.plusWeeks(1);
                case MONTHLY -> date.plusMonths(1);
                default -> date.getDayOfWeek() == DayOfWeek.FRIDAY ? date.plusDays(3)
                        : date.getDayOfWeek() == DayOfWeek.SATURDAY ? date.plusDays(2) : date.plusDays(1);
            };
            if (published(code, next).isAfter(today.get())) {
                break;
            }
            values.put(next, value);
            date = next;
            added++;
        }
        return added;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void observations(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String code = query.get("series_id");
        int status;
        String body;
        Map<String, String> headers = new LinkedHashMap<>();
        Fault fault = code == null ? null : activeFault(code);
        if (overLimit(now)) {
            throttled.incrementAndGet();
            status = 429;
            headers.put("Retry-After", "1");
            body = "{\"error_code\":429,\"error_message\":\"Too Many Requests.  Exceeded Rate Limit\"}";
        } else if (!query.containsKey("api_key")) {
            status = 400;
            body = NOT_SET;
        } else if (!KEY.matcher(query.get("api_key")).matches()) {
            status = 400;
            body = MALFORMED_KEY;
        } else if (!keys.contains(query.get("api_key"))) {
            status = 400;
            body = NOT_REGISTERED;
        } else if (code == null) {
            status = 400;
            body = "{\"error_code\":400,\"error_message\":\"Bad Request.  Variable series_id is not set.\"}";
        } else if (fault != null && fault.kind() != Fault.Kind.DOTS) {
            switch (fault.kind()) {
                case TOO_MANY -> {
                    status = 429;
                    if (fault.retryAfter() != null) {
                        headers.put("Retry-After", fault.retryAfter());
                    }
                    body = "{\"error_code\":429,\"error_message\":\"Too Many Requests.  Exceeded Rate Limit\"}";
                }
                case SERVER_ERROR -> {
                    status = 500;
                    body = "<html><body><h1>500 Internal Server Error</h1></body></html>";
                    headers.put("Content-Type", "text/html");
                }
                case SLOW -> {
                    sleep(fault.delay());
                    status = 200;
                    body = answer(code, query, false);
                }
                case MALFORMED -> {
                    status = 200;
                    body = "{\"realtime_start\":\"" + today.get() + "\",\"observations\":[{\"date\":\"2025-";
                }
                default -> {
                    status = 400;
                    body = NO_SERIES;
                }
            }
        } else if (!series.containsKey(code)) {
            status = 400;
            body = NO_SERIES;
        } else {
            String error = invalid(query);
            if (error != null) {
                status = 400;
                body = "{\"error_code\":400,\"error_message\":\"" + error + "\"}";
            } else {
                status = 200;
                body = answer(code, query, fault != null);
            }
        }
        requests.add(new Request(code, query, status, now));
        headers.putIfAbsent("Content-Type", "application/json; charset=UTF-8");
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (a timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    private String invalid(Map<String, String> query) {
        String fileType = query.getOrDefault("file_type", "xml");
        if (!fileType.equals("json")) {
            return "Bad Request.  This test server answers file_type=json only.";
        }
        String sort = query.getOrDefault("sort_order", "asc");
        if (!sort.equals("asc") && !sort.equals("desc")) {
            return "Bad Request.  Variable sort_order is not one of the values: 'asc', 'desc'.";
        }
        try {
            int limit = Integer.parseInt(query.getOrDefault("limit", "100000"));
            if (limit < 1 || limit > 100_000) {
                return "Bad Request.  Variable limit is not between 1 and 100000.";
            }
            if (Integer.parseInt(query.getOrDefault("offset", "0")) < 0) {
                return "Bad Request.  Variable offset is not 0 or above.";
            }
        } catch (NumberFormatException e) {
            return "Bad Request.  Variable limit or offset is not an integer.";
        }
        for (String name : List.of("observation_start", "observation_end", "realtime_start", "realtime_end")) {
            if (query.containsKey(name)) {
                try {
                    LocalDate.parse(query.get(name));
                } catch (DateTimeParseException e) {
                    return "Bad Request.  Variable " + name + " is not a valid date in YYYY-MM-DD format.";
                }
            }
        }
        String realtimeEnd = query.get("realtime_end");
        if (realtimeEnd != null && !realtimeEnd.equals("9999-12-31") && LocalDate.parse(realtimeEnd).isAfter(today.get())) {
            return "Bad Request.  Variable realtime_end can not be after today's date (" + today.get()
                    + ") unless it's equal to the real-time max date 9999-12-31.";
        }
        return null;
    }

    private String answer(String code, Map<String, String> query, boolean dots) {
        LocalDate day = today.get();
        LocalDate start = LocalDate.parse(query.getOrDefault("observation_start", "1600-01-01"));
        LocalDate end = LocalDate.parse(query.getOrDefault("observation_end", "9999-12-31"));
        boolean desc = query.getOrDefault("sort_order", "asc").equals("desc");
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100000"));
        List<Map.Entry<LocalDate, String>> rows = new ArrayList<>();
        NavigableMap<LocalDate, String> values = series.get(code);
        synchronized (values) {
            for (Map.Entry<LocalDate, String> row : values.subMap(start, true, end, true).entrySet()) {
                if (!published(code, row.getKey()).isAfter(day)) {
                    rows.add(row);
                }
            }
        }
        if (desc) {
            Collections.reverse(rows);
        }
        StringBuilder json = new StringBuilder(128 + rows.size() * 90);
        json.append("{\"realtime_start\":\"").append(day).append("\",\"realtime_end\":\"").append(day)
                .append("\",\"observation_start\":\"").append(start).append("\",\"observation_end\":\"").append(end)
                .append("\",\"units\":\"lin\",\"output_type\":1,\"file_type\":\"json\",\"order_by\":\"observation_date\"")
                .append(",\"sort_order\":\"").append(desc ? "desc" : "asc").append("\",\"count\":").append(rows.size())
                .append(",\"offset\":").append(offset).append(",\"limit\":").append(limit).append(",\"observations\":[");
        for (int i = offset; i < Math.min(rows.size(), (long) offset + limit); i++) {
            Map.Entry<LocalDate, String> row = rows.get(i);
            if (i > offset) {
                json.append(',');
            }
            String value = dots || row.getValue() == null ? "." : styled(row.getValue(), row.getKey());
            json.append("{\"realtime_start\":\"").append(day).append("\",\"realtime_end\":\"").append(day)
                    .append("\",\"date\":\"").append(row.getKey()).append("\",\"value\":\"").append(value).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** When FRED has an observation of {@code code} dated {@code date}: as the import knows it, else the next day. */
    static LocalDate published(String code, LocalDate date) {
        return FredSeries.byCode(code).map(series -> series.publishedOn(date)).orElse(date.plusDays(1));
    }

    /** The same number written as FRED's answers write it on different rows: as is, 4 decimals, fewest, or 10. */
    static String styled(String text, LocalDate date) {
        BigDecimal value = new BigDecimal(text);
        return switch ((int) Math.floorMod(date.toEpochDay(), 4)) {
            case 1 -> value.setScale(Math.max(value.scale(), 4), RoundingMode.UNNECESSARY).toPlainString();
            case 2 -> {
                BigDecimal least = value.stripTrailingZeros();
                yield least.scale() <= 0 ? least.setScale(1).toPlainString() : least.toPlainString();
            }
            case 3 -> value.setScale(Math.max(value.scale(), 10), RoundingMode.UNNECESSARY).toPlainString();
            default -> text;
        };
    }

    private Fault activeFault(String code) {
        Fault fault = faults.get(code);
        if (fault == null) {
            return null;
        }
        AtomicInteger left = faultsLeft.get(code);
        if (fault.times() < 0) {
            return fault;
        }
        return left.getAndDecrement() > 0 ? fault : null;
    }

    private synchronized boolean overLimit(long now) {
        if (perSecond == Integer.MAX_VALUE && perMinute == Integer.MAX_VALUE) {
            return false;
        }
        while (!recent.isEmpty() && now - recent.peekFirst() >= Duration.ofMinutes(1).toNanos()) {
            recent.removeFirst();
        }
        long inSecond = recent.stream().filter(t -> now - t < Duration.ofSeconds(1).toNanos()).count();
        if (inSecond >= perSecond || recent.size() >= perMinute) {
            return true;
        }
        recent.addLast(now);
        return false;
    }

    private void control(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (query.containsKey("date")) {
            today(LocalDate.parse(query.get("date")));
        }
        reply(exchange, 200, "{\"today\":\"" + today.get() + "\"}");
    }

    /** {@code POST /_control/put?series=&date=&value=}: a new or revised observation, from now on. */
    private void putValue(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        put(query.get("series"), LocalDate.parse(query.get("date")), query.get("value"));
        reply(exchange, 200, "{\"at\":" + System.currentTimeMillis() + "}");
    }

    /** {@code POST /_control/carry?series=}: the series carried forward to today ({@link #carryForward}). */
    private void carryControl(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        reply(exchange, 200, "{\"added\":" + carryForward(query.get("series")) + "}");
    }

    /** {@code POST /_control/fault?series=&kind=&times=}: a fault from now on; without a series, every fault is cleared. */
    private void faultControl(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (query.containsKey("series")) {
            fault(query.get("series"), new Fault(Fault.Kind.valueOf(query.get("kind")),
                    Integer.parseInt(query.getOrDefault("times", "-1")), Duration.ZERO, query.get("retryAfter")));
        } else {
            clearFaults();
        }
        reply(exchange, 200, "{\"at\":" + System.currentTimeMillis() + "}");
    }

    /** {@code /_hooks}: a webhook for the standalone server; what it got, with the time, at {@code /_control/hooks}. */
    private void hook(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        hooks.add("{\"receivedAt\":" + System.currentTimeMillis() + ",\"alert\":" + body + "}");
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private void hooksReceived(HttpExchange exchange) throws IOException {
        reply(exchange, 200, "[" + String.join(",", hooks) + "]");
    }

    private void counts(HttpExchange exchange) throws IOException {
        Set<String> codes = new HashSet<>();
        requests.forEach(request -> codes.add(request.series()));
        long whole = requests.stream().filter(r -> r.series() != null && !r.query().containsKey("observation_start")).count();
        reply(exchange, 200, "{\"requests\":" + requests.size() + ",\"series\":" + codes.size() + ",\"whole\":" + whole
                + ",\"throttled\":" + throttled.get() + "}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    /** A FRED-style CSV: dates with their number text, null where the value is empty or ".". */
    static NavigableMap<LocalDate, String> read(String csv) {
        NavigableMap<LocalDate, String> values = Collections.synchronizedNavigableMap(new TreeMap<>());
        String[] lines = csv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            String value = line.substring(comma + 1).strip();
            values.put(LocalDate.parse(line.substring(0, comma).strip()), value.isEmpty() || value.equals(".") ? null : value);
        }
        fillHolidays(values);
        return values;
    }

    /**
     * A business-day series (daily, never on a weekend) as FRED lists it: a weekday without a value (a holiday) is a
     * row with ".". The project's copies leave those days out.
     */
    static void fillHolidays(NavigableMap<LocalDate, String> values) {
        if (values.size() < 100 || values.keySet().stream().anyMatch(d -> d.getDayOfWeek().getValue() >= 6)) {
            return;
        }
        long nextDay = 0;
        LocalDate previous = null;
        for (LocalDate date : values.keySet()) {
            if (previous != null && (date.equals(previous.plusDays(1)) || date.equals(previous.plusDays(3)))) {
                nextDay++;
            }
            previous = date;
        }
        if (nextDay < values.size() * 0.6) {
            return; // weekly or monthly
        }
        for (LocalDate day = values.firstKey(); day.isBefore(values.lastKey()); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() < 6) {
                values.putIfAbsent(day, null);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Standalone: {@code PORT DATA_DIR TODAY KEY [HOST [PER_SECOND/PER_MINUTE]]}; runs until killed. */
    public static void main(String[] args) throws Exception {
        FredTestServer server = new FredTestServer(Path.of(args[1]), LocalDate.parse(args[2]),
                args.length > 4 ? args[4] : "127.0.0.1", Integer.parseInt(args[0]), args[3]);
        String[] limits = (args.length > 5 ? args[5] : "2/120").split("/");
        server.enforceLimits(Integer.parseInt(limits[0]), Integer.parseInt(limits[1]));
        System.out.println("FRED test server on " + server.baseUrl() + ", today " + server.today() + ", "
                + server.series.size() + " series");
        Thread.currentThread().join();
    }
}
