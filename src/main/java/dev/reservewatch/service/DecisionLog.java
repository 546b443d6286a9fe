package dev.reservewatch.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.reservewatch.config.DecisionLogConfig;
import dev.reservewatch.contract.ActionChange;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.PointCodes;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.evaluation.SeriesJudge;

/**
 * One JSON line per verdict (and one per series, with its span and the changes of the action set), to
 * stdout or a file: decision id, time, ruleset version, the input (unless turned off; past
 * {@code decisions.log.max-input} only its start, marked as truncated), action and signal codes, fired rules.
 * <p>
 * A request only offers its entry to a lock-free queue bounded in entries and in bytes: it never waits for
 * the writer nor wakes it. One writer thread takes what has queued (looking again every {@value #IDLE_WAIT_MS}
 * ms when it finds nothing), serialises and writes whole lines, so lines never interleave and a slow disk never
 * holds a request. The input goes into the line as the client sent it (its line breaks turned into spaces),
 * not serialised again: the request already paid for the parsing.
 * <p>
 * The log never lies about what it wrote: every line that is not written is counted in
 * {@code decision_log_dropped_total}, whatever the cause (queue full, writer failed, stdout reporting an
 * error), and a line counts as written only once its batch is out. While the log cannot be written it
 * says so ({@link #failure()}, {@code decision_log_failing}, readiness) and drops what comes, and the writer
 * opens it again every {@code decisions.log.retry-after}.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    /** How long the writer waits when it finds nothing to write: lines reach the log this much later at most. */
    private static final long IDLE_WAIT_MS = 10;
    private static final int MAX_BATCH = 1000;
    /** What an entry holds besides its input: ids, codes and names, counted against the byte bound. */
    private static final int ENTRY_OVERHEAD = 512;

    private final DecisionLogConfig config;
    private final ObjectMapper mapper;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final int capacity;
    private final long capacityBytes;
    private final int maxInput;
    private volatile boolean running;
    private volatile boolean stopped;
    private volatile String failure;
    private Thread writer;

    /**
     * A verdict, or a whole series ({@code series} set, {@code verdict} null), waiting to be written. {@code input}
     * is the snapshot as UTF-8 JSON, or its first bytes when {@code inputBytes} is larger than it.
     */
    record Entry(VerdictLine verdict, byte[] input, int inputBytes, Instant at, SeriesLine series) {

        boolean truncated() {
            return input != null && inputBytes > input.length;
        }

        long weight() {
            return ENTRY_OVERHEAD + (input == null ? 0 : input.length);
        }
    }

    /** What a verdict's line shows: codes and names (strings the ruleset holds anyway), no messages. */
    record VerdictLine(String decisionId, String rulesetVersion, String asOf, String regime, List<String> actions,
            List<String> signals, List<String> firedRules, long evaluationMicros) {

        static VerdictLine of(Verdict verdict) {
            PointCodes codes = verdict.codes();
            return new VerdictLine(verdict.decisionId(), verdict.ruleset().version(), verdict.asOf().toString(),
                    codes.regime().name(), codes.actions(), codes.signals(),
                    verdict.firedRules().stream().map(Verdict.FiredRule::name).toList(), verdict.evaluationMicros());
        }
    }

    record SeriesLine(String decisionId, String rulesetVersion, int points, String from, String to,
            List<ActionChange> changes, SeriesFailure failed) {
    }

    /**
     * Why a series stopped before its end: the point a rule failed on, with the rule and its file (either may be
     * null when Drools did not say), or, without a point, what else stopped it (the client went away).
     */
    public record SeriesFailure(LocalDate asOf, String rule, String file, String reason) {
    }

    public DecisionLog(DecisionLogConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.config = config;
        this.mapper = mapper;
        this.capacity = Math.max(1, config.queueSize());
        this.capacityBytes = Math.max(ENTRY_OVERHEAD, config.queueBytes().asLongValue());
        this.maxInput = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, config.maxInput().asLongValue()));
        registry.more().counter("decision_log_dropped_total", List.of(), dropped);
        registry.more().counter("decision_log_written_total", List.of(), written);
        registry.gauge("decision_log_failing", this, log -> log.failure == null ? 0 : 1);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        writer = new Thread(this::drain, "decision-log");
        writer.setDaemon(true);
        writer.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        running = false;
        if (writer != null) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Offers a verdict to the log; never blocks and never throws. {@code body} is the JSON the snapshot was
     * read from: valid JSON, since it was parsed, and written into the line as it is.
     */
    public void record(Verdict verdict, MarketSnapshot input, byte[] body) {
        if (!config.enabled()) {
            return;
        }
        byte[] json = null;
        if (config.includeInput()) {
            json = body != null && isUtf8(body) ? body : serialised(input);
        }
        int size = json == null ? 0 : json.length;
        byte[] kept = json == null || size <= maxInput ? json : Arrays.copyOf(json, maxInput);
        offer(new Entry(VerdictLine.of(verdict), kept, size, Instant.now(), null));
    }

    private byte[] serialised(MarketSnapshot input) {
        try {
            return mapper.writeValueAsBytes(input);
        } catch (JsonProcessingException e) {
            return null; // the line goes without its input
        }
    }

    /** Jackson also reads UTF-16 and UTF-32 bodies; those go into the UTF-8 line serialised again. */
    private static boolean isUtf8(byte[] body) {
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Offers one line for a whole series once it is done: its id, ruleset version, the points judged, their span
     * and the changes of the action set; and, for a series that stopped before its end, why ({@code failed}).
     */
    public void recordSeries(String id, String rulesetVersion, SeriesJudge.Summary summary, SeriesFailure failed) {
        if (!config.enabled()) {
            return;
        }
        offer(new Entry(null, null, 0, Instant.now(), new SeriesLine(id, rulesetVersion, summary.points(),
                summary.from() == null ? null : summary.from().toString(),
                summary.to() == null ? null : summary.to().toString(), summary.changes(), failed)));
    }

    void offer(Entry entry) {
        if (stopped || failure != null) {
            drop(1, stopped ? "the service is stopping" : failure);
            return;
        }
        // lock-free: requests never wait on the writer, nor wake it (it looks every few milliseconds)
        long weight = entry.weight();
        // both counted before either is checked, so that both are taken back together
        boolean overLines = queued.incrementAndGet() > capacity;
        boolean overBytes = queuedBytes.addAndGet(weight) > capacityBytes;
        if (overLines || overBytes) {
            queued.decrementAndGet();
            queuedBytes.addAndGet(-weight);
            drop(1, "the queue is full (" + capacity + " lines or " + capacityBytes + " bytes)");
            return;
        }
        queue.offer(entry);
    }

    private void drop(long lines, String why) {
        if (lines <= 0) {
            return; // nothing lost: nothing to warn of (a shutdown with an empty queue)
        }
        long before = dropped.getAndAdd(lines);
        long after = before + lines;
        // warn on the first drop and then at each power of two, so a long outage does not flood the log
        if (Long.numberOfLeadingZeros(before) != Long.numberOfLeadingZeros(after) || before == 0) {
            LOG.warnf("Decision log: %d line(s) dropped so far; latest because %s", after, why);
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    /** Why the log cannot be written now, or null while it can (or is off). Names no paths. */
    public String failure() {
        return failure;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Whether verdicts may be served while the log fails ({@code decisions.log.required}). */
    public boolean required() {
        return config.required();
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>();
        ByteArrayOutputStream lines = new ByteArrayOutputStream(64 * 1024);
        OutputStream out = null;
        long retryAt = 0;
        try {
            while (running || !queue.isEmpty()) {
                if (out == null && System.nanoTime() - retryAt >= 0) {
                    try {
                        out = open();
                        if (failure != null) {
                            LOG.info("The decision log is being written again");
                            failure = null;
                        }
                    } catch (IOException | RuntimeException e) {
                        fail(e);
                        retryAt = System.nanoTime() + config.retryAfter().toNanos();
                    }
                }
                long weight = 0;
                while (batch.size() < MAX_BATCH) {
                    Entry entry = queue.poll();
                    if (entry == null) {
                        break;
                    }
                    batch.add(entry);
                    weight += entry.weight();
                }
                if (batch.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(IDLE_WAIT_MS);
                    continue;
                }
                queued.addAndGet(-batch.size());
                queuedBytes.addAndGet(-weight);
                if (out == null) {
                    drop(batch.size(), failure);
                    batch.clear();
                    continue;
                }
                int lineCount = 0;
                for (Entry entry : batch) {
                    int mark = lines.size();
                    try {
                        writeLine(lines, entry);
                        lineCount++;
                    } catch (IOException | RuntimeException e) {
                        // keep the lines before it whole: drop what this entry wrote
                        byte[] kept = lines.toByteArray();
                        lines.reset();
                        lines.write(kept, 0, mark);
                        drop(1, "a line could not be serialised (" + e.getClass().getSimpleName() + ")");
                        LOG.error("Could not serialise a decision log line", e);
                    }
                }
                try {
                    // the batch's whole lines in one write call: stdout's writes are synchronized, so a log record
                    // of the application can come between two batches but never inside a line
                    lines.writeTo(out);
                    out.flush();
                    if (config.file().isEmpty() && System.out.checkError()) {
                        throw new IOException("stdout reports a write error");
                    }
                    written.addAndGet(lineCount);
                } catch (IOException | RuntimeException e) {
                    drop(lineCount, "the log could not be written");
                    fail(e);
                    closeQuietly(out);
                    out = null;
                    retryAt = System.nanoTime() + config.retryAfter().toNanos();
                }
                lines.reset();
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(out);
            drop(queued.getAndSet(0), "the service stopped before they were written");
            queue.clear();
        }
    }

    private void fail(Exception e) {
        String reason = (config.file().isPresent() ? "the log file cannot be written (" : "stdout cannot be written (")
                + e.getClass().getSimpleName() + ")";
        if (failure == null) {
            LOG.error("The decision log cannot be written; lines are dropped and counted until it can", e);
        }
        failure = reason;
    }

    private void closeQuietly(OutputStream out) {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.debug("closing the decision log", e);
        }
    }

    private OutputStream open() throws IOException {
        if (config.file().isPresent()) {
            var path = config.file().get();
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            return Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        // stdout is shared with the application log; closing the log must not close stdout. System.out is a
        // PrintStream, which swallows write errors: the writer asks it with checkError() after each batch, and
        // once it has reported one it keeps reporting it, so stdout stays failed.
        if (System.out.checkError()) {
            throw new IOException("stdout has reported a write error");
        }
        return new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                System.out.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                System.out.flush();
            }
        };
    }

    private void writeLine(ByteArrayOutputStream lines, Entry entry) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(lines)) {
            json.writeStartObject();
            if (entry.series() != null) {
                SeriesLine series = entry.series();
                json.writeStringField("decisionId", series.decisionId());
                json.writeStringField("time", entry.at().toString());
                json.writeStringField("rulesetVersion", series.rulesetVersion());
                json.writeObjectFieldStart("series");
                json.writeNumberField("points", series.points());
                json.writeStringField("from", series.from());
                json.writeStringField("to", series.to());
                json.writeEndObject();
                json.writeFieldName("changes");
                mapper.writeValue(json, series.changes());
                if (series.failed() != null) {
                    SeriesFailure failed = series.failed();
                    json.writeObjectFieldStart("failed");
                    json.writeStringField("asOf", failed.asOf() == null ? null : failed.asOf().toString());
                    json.writeStringField("rule", failed.rule());
                    json.writeStringField("file", failed.file());
                    json.writeStringField("reason", failed.reason());
                    json.writeEndObject();
                }
            } else {
                VerdictLine verdict = entry.verdict();
                json.writeStringField("decisionId", verdict.decisionId());
                json.writeStringField("time", entry.at().toString());
                json.writeStringField("rulesetVersion", verdict.rulesetVersion());
                json.writeStringField("asOf", verdict.asOf());
                json.writeStringField("regime", verdict.regime());
                writeArray(json, "actions", verdict.actions());
                writeArray(json, "signals", verdict.signals());
                writeArray(json, "firedRules", verdict.firedRules());
                json.writeNumberField("evaluationMicros", verdict.evaluationMicros());
                if (entry.truncated()) {
                    json.writeObjectFieldStart("input");
                    json.writeBooleanField("truncated", true);
                    json.writeNumberField("bytes", entry.inputBytes());
                    json.writeStringField("head", new String(entry.input(), StandardCharsets.UTF_8));
                    json.writeEndObject();
                } else if (entry.input() != null) {
                    json.writeFieldName("input");
                    json.writeRawValue(oneLine(entry.input()));
                }
            }
            json.writeEndObject();
        }
        lines.write('\n');
    }

    private static void writeArray(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /**
     * Valid JSON on one line: outside strings, CR and LF can only be whitespace (inside strings JSON
     * requires them escaped), so they become spaces; a leading byte order mark, which Jackson skips, goes.
     */
    static String oneLine(byte[] json) {
        int start = json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB
                && (json[2] & 0xFF) == 0xBF ? 3 : 0;
        byte[] line = Arrays.copyOfRange(json, start, json.length);
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n' || line[i] == '\r') {
                line[i] = ' ';
            }
        }
        return new String(line, StandardCharsets.UTF_8).strip();
    }
}
